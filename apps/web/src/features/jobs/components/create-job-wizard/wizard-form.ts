import { bucketOfArn, parseObjectArn } from '@batchops/batch-formats';
import {
  type CannedAcl,
  type JobWizardInput,
  JobWizardModel,
  type ManifestFormat,
  type ReportScope,
  type S3Tag,
  type storageClasses,
} from '@batchops/contracts';
import type { FieldErrorMap } from '../../../../lib/field-errors';

export type OperationChoice = JobWizardModel['operation']['type'];
export type StorageClass = (typeof storageClasses)[number];

/** What the wizard's fields hold while the user fills them in (strings as typed). */
export interface WizardForm {
  region: string;
  manifestFormat: ManifestFormat;
  manifestUri: string;
  manifestVersionId: string;
  /** null: use the ETag read from the object; a string: the user's own. */
  manifestEtag: string | null;
  operation: OperationChoice;
  objectTags: S3Tag[];
  copyDestinationUri: string;
  copyStorageClass: StorageClass | '';
  copyMetadataDirective: 'COPY' | 'REPLACE';
  copyMetadata: S3Tag[];
  copyTags: S3Tag[];
  copyCannedAcl: CannedAcl | '';
  aclCannedAcl: CannedAcl;
  description: string;
  priority: string;
  reportEnabled: boolean;
  reportScope: ReportScope;
  reportUri: string;
  roleArn: string;
  jobTags: S3Tag[];
  runOption: 'wait' | 'auto';
}

export function emptyWizardForm(region: string, roleArn: string): WizardForm {
  return {
    region,
    manifestFormat: 'csv',
    manifestUri: '',
    manifestVersionId: '',
    manifestEtag: null,
    operation: 'tagging',
    objectTags: [{ key: '', value: '' }],
    copyDestinationUri: '',
    copyStorageClass: '',
    copyMetadataDirective: 'COPY',
    copyMetadata: [],
    copyTags: [],
    copyCannedAcl: '',
    aclCannedAcl: 'private',
    description: '',
    priority: '10',
    reportEnabled: true,
    reportScope: 'FailedTasksOnly',
    reportUri: '',
    roleArn,
    jobTags: [],
    runOption: 'wait',
  };
}

const s3Uri = (bucket: string, key = '') => `s3://${bucket}/${key}`;

function splitUri(uri: string): { bucket: string; rest: string } {
  const m = /^s3:\/\/([^/]*)\/?(.*)$/.exec(uri.trim());
  return m ? { bucket: m[1] ?? '', rest: m[2] ?? '' } : { bucket: '', rest: uri.trim() };
}

const nonEmpty = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The form → the wizard model as POST /api/jobs takes it (before validation). */
export function toWizardInput(
  form: WizardForm,
  clientRequestToken: string,
  readEtag: string | null,
): JobWizardInput {
  const manifest = splitUri(form.manifestUri);
  const etag = form.manifestEtag === null ? readEtag : nonEmpty(form.manifestEtag);
  const report = splitUri(form.reportUri);
  const priority = form.priority.trim() === '' ? Number.NaN : Number(form.priority);
  return {
    region: form.region,
    manifest: {
      format: form.manifestFormat,
      // An empty string would pass as a name; undefined gets the "required" message.
      bucket: nonEmpty(manifest.bucket) as string,
      key: nonEmpty(manifest.rest) as string,
      ...(nonEmpty(form.manifestVersionId) ? { versionId: form.manifestVersionId.trim() } : {}),
      ...(etag ? { etag } : {}),
    },
    operation: toOperation(form),
    ...(nonEmpty(form.description) ? { description: form.description.trim() } : {}),
    priority,
    report: form.reportEnabled
      ? {
          enabled: true,
          bucket: nonEmpty(report.bucket) as string,
          ...(nonEmpty(report.rest) ? { prefix: report.rest.replace(/\/$/, '') } : {}),
          scope: form.reportScope,
        }
      : { enabled: false, scope: form.reportScope },
    roleArn: form.roleArn.trim(),
    tags: form.jobTags,
    runOption: form.runOption,
    clientRequestToken,
  } as JobWizardInput;
}

function toOperation(form: WizardForm): JobWizardInput['operation'] {
  switch (form.operation) {
    case 'tagging':
      return { type: 'tagging', tags: form.objectTags };
    case 'deleteTagging':
      return { type: 'deleteTagging' };
    case 'acl':
      return { type: 'acl', cannedAcl: form.aclCannedAcl };
    case 'copy': {
      const dest = splitUri(form.copyDestinationUri);
      return {
        type: 'copy',
        targetBucket: dest.bucket,
        ...(nonEmpty(dest.rest) ? { targetKeyPrefix: dest.rest } : {}),
        ...(form.copyStorageClass ? { storageClass: form.copyStorageClass } : {}),
        metadataDirective: form.copyMetadataDirective,
        ...(form.copyMetadataDirective === 'REPLACE'
          ? { metadata: Object.fromEntries(form.copyMetadata.map((m) => [m.key, m.value])) }
          : {}),
        ...(form.copyTags.length ? { tags: form.copyTags } : {}),
        ...(form.copyCannedAcl ? { cannedAcl: form.copyCannedAcl } : {}),
      };
    }
  }
}

/** A cloned job's model → the form. */
export function fromWizardModel(model: JobWizardModel, fallbackRegion: string): WizardForm {
  const base = emptyWizardForm(model.region ?? fallbackRegion, model.roleArn);
  const m = model.manifest;
  const object = m.objectArn ? parseObjectArn(m.objectArn) : undefined;
  const manifestUri = s3Uri(object?.bucket ?? m.bucket ?? '', object?.key ?? m.key ?? '');
  const op = model.operation;
  return {
    ...base,
    manifestFormat: m.format,
    manifestUri,
    manifestVersionId: m.versionId ?? '',
    operation: op.type,
    objectTags: op.type === 'tagging' ? op.tags : base.objectTags,
    ...(op.type === 'copy'
      ? {
          copyDestinationUri: s3Uri(bucketOfArn(op.targetBucket), op.targetKeyPrefix ?? ''),
          copyStorageClass: op.storageClass ?? '',
          copyMetadataDirective: op.metadataDirective ?? 'COPY',
          copyMetadata: Object.entries(op.metadata ?? {}).map(([key, value]) => ({ key, value })),
          copyTags: op.tags ?? [],
          copyCannedAcl: op.cannedAcl ?? '',
        }
      : {}),
    ...(op.type === 'acl' ? { aclCannedAcl: op.cannedAcl } : {}),
    description: model.description ?? '',
    priority: String(model.priority),
    reportEnabled: model.report.enabled,
    reportScope: model.report.scope,
    reportUri: model.report.bucket ? s3Uri(model.report.bucket, model.report.prefix ?? '') : '',
    jobTags: model.tags,
    runOption: model.runOption,
  };
}

/** A field error's path in the model → the wizard field that shows it. */
export function fieldOf(path: string): string {
  if (path.startsWith('manifest.etag')) return 'manifestEtag';
  if (path.startsWith('manifest.versionId')) return 'manifestVersionId';
  if (path.startsWith('manifest')) return 'manifestUri';
  if (path === 'region') return 'region';
  if (/^operation\.tags\.\d+\./.test(path)) return path.replace(/^operation\./, 'operation.');
  if (path.startsWith('operation.targetBucket') || path.startsWith('operation.targetKeyPrefix'))
    return 'copyDestinationUri';
  if (path.startsWith('operation.tags')) return 'operation.tags';
  if (path.startsWith('operation.metadata')) return 'copyMetadata';
  if (path.startsWith('operation.cannedAcl')) return 'cannedAcl';
  if (path.startsWith('operation')) return 'operation';
  if (path.startsWith('report')) return 'reportUri';
  return path;
}

/** Which step (0-based) a model path belongs to. */
export function stepOf(path: string): number {
  if (path === 'region' || path.startsWith('manifest')) return 0;
  if (path.startsWith('operation')) return 1;
  return 2;
}

/** A problem with the model at a path of the model (`manifest.bucket`, `operation.tags.0.key`…). */
export interface ModelIssue {
  readonly field: string;
  readonly message: string;
}

/** The form checked against the model POST /api/jobs takes: the model, or what is wrong with it. */
export function parseWizardForm(
  form: WizardForm,
  clientRequestToken: string,
  readEtag: string | null,
): { success: true; model: JobWizardModel } | { success: false; issues: ModelIssue[] } {
  const parsed = JobWizardModel.safeParse(toWizardInput(form, clientRequestToken, readEtag));
  if (parsed.success) return { success: true, model: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
  };
}

/** Model issues → the message each wizard field shows (the first one wins), and the first step with one. */
export function wizardErrors(
  issues: readonly ModelIssue[],
  lastStep: number,
): { errors: FieldErrorMap; step: number } {
  const errors: Record<string, string> = {};
  let step = Number.POSITIVE_INFINITY;
  for (const { field, message } of issues) {
    errors[fieldOf(field)] ??= message;
    step = Math.min(step, stepOf(field));
  }
  return { errors, step: Number.isFinite(step) ? step : lastStep };
}
