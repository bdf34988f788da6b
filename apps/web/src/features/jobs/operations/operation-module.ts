import { type JobWizardInput, operationLabelOf, type WizardOperation } from '@batchops/contracts';
import type { ComponentType } from 'react';
import type { FieldErrorMap } from '../../../lib/field-errors';
import type {
  ModelIssue,
  OperationFieldsOf,
  WizardForm,
} from '../components/create-job-wizard/wizard-form-state';

export type OperationType = WizardOperation['type'];
export type OperationOf<T extends OperationType> = Extract<WizardOperation, { type: T }>;
export type OperationInputOf<T extends OperationType> = Extract<JobWizardInput['operation'], { type: T }>;

/** One labelled value of a review or job-details section. */
export interface DetailItem {
  readonly label: string;
  readonly value: string;
}

/** What an operation's slice of the Choose operation step gets. */
export interface OperationFormProps {
  readonly form: WizardForm;
  readonly update: (patch: Partial<WizardForm>) => void;
  readonly errors: FieldErrorMap;
}

/** One operation as the console shows it: its choice, form slice, model mapping, review and details. */
export interface WebOperation<T extends OperationType> {
  readonly type: T;
  /** As the S3 console names it (the choice, the job list, the job page). */
  readonly label: string;
  readonly description: string;
  /** Its parameters in the Choose operation step. */
  readonly Parameters: ComponentType<OperationFormProps>;
  /** Its own form fields as a new job starts them (declared in its module's `OperationFields` entry). */
  readonly defaults: OperationFieldsOf<T>;
  /** The form → the operation as POST /api/jobs takes it (before validation). */
  toModel(form: WizardForm): OperationInputOf<T>;
  /** A cloned job's operation → the form fields it fills. */
  fromModel(op: OperationOf<T>): Partial<WizardForm>;
  /** The wizard field that shows an error at `operation.<member>`, for members not named as the field. */
  readonly errorFields?: Readonly<Record<string, string>>;
  /** Rules the console adds to the model's (a retention must end in the future). */
  formIssues?(form: WizardForm, nowMs: number): ModelIssue[];
  /** Step 2 of the Review step. */
  reviewItems(op: OperationOf<T>): DetailItem[];
  /** The Operation part of the job page. */
  detailItems(op: OperationOf<T>): DetailItem[];
}

/** Checks a module against its type (inference keeps the literal); its label is the contracts' one. */
export const webOperation = <T extends OperationType>(
  m: Omit<WebOperation<T>, 'label'>,
): WebOperation<T> => ({
  ...m,
  label: operationLabelOf[m.type],
});

export const tagsText = (tags: readonly { key: string; value: string }[]) =>
  tags.length ? tags.map((t) => `${t.key}=${t.value}`).join(', ') : '-';
