import type { RadioGroupProps } from '@cloudscape-design/components/radio-group';
import type { SelectProps } from '@cloudscape-design/components/select';
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

/** The operations in the order of the S3 console's Choose operation step. */
export const operationChoices: RadioGroupProps.RadioButtonDefinition[] = [
  { value: 'copy', label: 'Copy', description: 'Copy each object to a destination bucket.' },
  {
    value: 'lambda',
    label: 'Invoke AWS Lambda function',
    description: 'Run a Lambda function on each object.',
  },
  { value: 'tagging', label: 'Replace all object tags', description: 'Replace the tag set of each object.' },
  {
    value: 'deleteTagging',
    label: 'Delete all object tags',
    description: 'Remove every tag of each object.',
  },
  {
    value: 'acl',
    label: 'Replace access control list (ACL)',
    description: 'Replace the ACL of each object with a canned ACL.',
  },
  {
    value: 'restore',
    label: 'Restore',
    description: 'Restore archived objects (S3 Glacier, Intelligent-Tiering archive tiers) for a time.',
  },
  {
    value: 'retention',
    label: 'Object Lock retention',
    description: 'Set or remove the retention mode and retain-until date of each object version.',
  },
  {
    value: 'legalHold',
    label: 'Object Lock legal hold',
    description: 'Place or remove a legal hold on each object version.',
  },
  {
    value: 'replicate',
    label: 'Replicate',
    description: "Replicate each object with the source bucket's replication configuration.",
  },
  {
    value: 'checksum',
    label: 'Compute checksum',
    description: 'Compute a checksum of each object at rest; the completion report lists them.',
  },
  {
    value: 'updateEncryption',
    label: 'Update object encryption',
    description: 'Encrypt each object again with an AWS KMS key (SSE-KMS), without copying it.',
  },
];

export const regionOptions: SelectProps.Option[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-2',
].map((r) => ({ value: r, label: r }));
