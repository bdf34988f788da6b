import type { ComponentType } from 'react';
import { ManifestStep } from './manifest-step';
import { OperationStep } from './operation-step';
import { OptionsStep } from './options-step';
import type { WizardStepProps } from './wizard-step-props';

export interface WizardStepDefinition {
  readonly title: string;
  readonly description?: string;
  /** null: the Review step, which the wizard renders itself. */
  readonly Content: ComponentType<WizardStepProps> | null;
}

/** The steps as the S3 console names them. */
export const wizardSteps: readonly WizardStepDefinition[] = [
  {
    title: 'Choose Region and manifest',
    description: 'The manifest lists the objects the job runs on.',
    Content: ManifestStep,
  },
  { title: 'Choose operation', description: 'One operation runs on every object.', Content: OperationStep },
  { title: 'Configure additional options', Content: OptionsStep },
  { title: 'Review', Content: null },
];

/** Configure additional options: where the role (Permissions) is chosen. */
export const optionsStepIndex = wizardSteps.findIndex((s) => s.Content === OptionsStep);

/** Review: where "Try the demo" opens the prefilled wizard. */
export const reviewStepIndex = wizardSteps.findIndex((s) => s.Content === null);
