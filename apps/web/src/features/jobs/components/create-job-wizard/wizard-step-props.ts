import type { ObjectHead } from '@batchops/contracts';
import type { FieldErrorMap } from '../../../../lib/field-errors';
import type { WizardForm } from './wizard-form-state';

export interface WizardStepProps {
  readonly form: WizardForm;
  readonly update: (patch: Partial<WizardForm>) => void;
  readonly errors: FieldErrorMap;
  /** The manifest object as HeadObject read it, once it has been read. */
  readonly manifestHead: { data?: ObjectHead | undefined; error: Error | null; isFetching: boolean };
}
