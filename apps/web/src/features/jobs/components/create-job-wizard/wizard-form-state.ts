import type {
  JobWizardModel,
  ReplicationStatusFilter,
  ReportScope,
  S3Tag,
  WizardManifestFormat,
} from '@batchops/contracts';

export type OperationChoice = JobWizardModel['operation']['type'];

/**
 * Each operation module adds its form fields here, keyed by its type, by module augmentation
 * (`declare module '…/wizard-form-state' { interface OperationFields { copy: CopyFields } }`), so the
 * fields, their defaults and their form slice live in one module (decision 0028).
 */
// biome-ignore lint/suspicious/noEmptyInterface: the operation modules merge their fields into it
export interface OperationFields {}

/** An operation's own fields: none unless its module declares some. */
export type OperationFieldsOf<T extends OperationChoice> = T extends keyof OperationFields
  ? OperationFields[T]
  : Record<never, never>;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every operation's fields together: the form stays flat. */
export type AllOperationFields = Intersection<OperationFields[keyof OperationFields]>;

/** The fields of the manifest, options and review steps (strings as typed). */
export interface WizardBaseForm {
  region: string;
  manifestFormat: WizardManifestFormat;
  manifestUri: string;
  /** "Create manifest using S3 Replication configuration": the source bucket as s3://bucket/. */
  genSourceUri: string;
  /** Creation date filters as the date picker gives them (YYYY-MM-DD, UTC), '' when not set. */
  genCreatedAfter: string;
  genCreatedBefore: string;
  genStatuses: ReplicationStatusFilter[];
  genSaveManifest: boolean;
  /** Where the generated manifest is saved: s3://bucket/prefix. */
  genOutputUri: string;
  manifestVersionId: string;
  /** null: use the ETag read from the object; a string: the user's own. */
  manifestEtag: string | null;
  /** null until the user chooses: none is preselected (the default would be a destructive one). */
  operation: OperationChoice | null;
  description: string;
  priority: string;
  reportEnabled: boolean;
  reportScope: ReportScope;
  reportUri: string;
  roleArn: string;
  jobTags: S3Tag[];
  runOption: 'wait' | 'auto';
}

/** What the wizard's fields hold while the user fills them in. */
export type WizardForm = WizardBaseForm & AllOperationFields;

/** A problem with the model at a path of the model (`manifest.bucket`, `operation.tags.0.key`…). */
export interface ModelIssue {
  readonly field: string;
  readonly message: string;
}
