import { bucketOfArn, parseObjectArn } from '@batchops/batch-formats';
import {
  type CannedAcl,
  type ChecksumAlgorithm,
  checksumTypesOf,
  type JobWizardInput,
  JobWizardModel,
  type ReplicationStatusFilter,
  type ReportScope,
  type S3Tag,
  type storageClasses,
  type WizardManifestFormat,
} from '@batchops/contracts';
import type { FieldErrorMap } from '../../../../lib/field-errors';

export type OperationChoice = JobWizardModel['operation']['type'];
export type StorageClass = (typeof storageClasses)[number];

/** What the wizard's fields hold while the user fills them in (strings as typed). */
export interface WizardForm {
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
  operation: OperationChoice;
  objectTags: S3Tag[];
  copyDestinationUri: string;
  copyStorageClass: StorageClass | '';
  copyMetadataDirective: 'COPY' | 'REPLACE';
  copyMetadata: S3Tag[];
  copyTags: S3Tag[];
  copyCannedAcl: CannedAcl | '';
  aclCannedAcl: CannedAcl;
  /** glacier: Glacier Flexible Retrieval / Deep Archive (a number of days); intelligentTiering: its archive tiers (none). */
  restoreSource: 'glacier' | 'intelligentTiering';
  restoreDays: string;
  restoreTier: 'BULK' | 'STANDARD';
  /** list: pick one of the Region's functions; arn: type it. */
  lambdaSource: 'list' | 'arn';
  lambdaFunctionArn: string;
  lambdaVersion: string;
  lambdaSchema: '1.0' | '2.0';
  lambdaArgs: S3Tag[];
  legalHoldStatus: 'ON' | 'OFF';
  retentionAction: 'set' | 'remove';
  retentionMode: 'GOVERNANCE' | 'COMPLIANCE' | '';
  /** YYYY-MM-DD; the retention lasts until 00:00 UTC of that day. */
  retentionDate: string;
  bypassGovernance: boolean;
  checksumAlgorithm: ChecksumAlgorithm;
  checksumType: 'FULL_OBJECT' | 'COMPOSITE';
  kmsKeyArn: string;
  bucketKeyEnabled: boolean;
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
    genSourceUri: '',
    genCreatedAfter: '',
    genCreatedBefore: '',
    genStatuses: [],
    genSaveManifest: false,
    genOutputUri: '',
    operation: 'tagging',
    objectTags: [{ key: '', value: '' }],
    copyDestinationUri: '',
    copyStorageClass: '',
    copyMetadataDirective: 'COPY',
    copyMetadata: [],
    copyTags: [],
    copyCannedAcl: '',
    aclCannedAcl: 'private',
    restoreSource: 'glacier',
    restoreDays: '1',
    restoreTier: 'BULK',
    lambdaSource: 'list',
    lambdaFunctionArn: '',
    lambdaVersion: '',
    lambdaSchema: '1.0',
    lambdaArgs: [],
    legalHoldStatus: 'ON',
    retentionAction: 'set',
    retentionMode: '',
    retentionDate: '',
    bypassGovernance: false,
    checksumAlgorithm: 'CRC64NVME',
    checksumType: 'FULL_OBJECT',
    kmsKeyArn: '',
    bucketKeyEnabled: true,
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
    manifest:
      form.manifestFormat === 'replication'
        ? { format: 'replication', generator: toGenerator(form) }
        : {
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

/** A date picker's day → midnight UTC of that day; '' stays unset; anything else is passed on to fail. */
const dayToIso = (day: string): string | undefined => {
  const d = day.trim();
  if (d === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : d;
};
const isoToDay = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

function toGenerator(form: WizardForm) {
  const source = splitUri(form.genSourceUri);
  const out = splitUri(form.genOutputUri);
  const after = dayToIso(form.genCreatedAfter);
  const before = dayToIso(form.genCreatedBefore);
  return {
    sourceBucket: nonEmpty(source.bucket) as string,
    ...(after ? { createdAfter: after } : {}),
    ...(before ? { createdBefore: before } : {}),
    replicationStatuses: form.genStatuses,
    ...(form.genSaveManifest
      ? {
          output: {
            bucket: nonEmpty(out.bucket) as string,
            ...(nonEmpty(out.rest) ? { prefix: out.rest.replace(/\/$/, '') } : {}),
          },
        }
      : {}),
  };
}

const numberOrNaN = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

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
    case 'replicate':
      return { type: 'replicate' };
    case 'restore':
      return {
        type: 'restore',
        ...(form.restoreSource === 'glacier' ? { expirationInDays: numberOrNaN(form.restoreDays) } : {}),
        glacierJobTier: form.restoreTier,
      };
    case 'lambda':
      return {
        type: 'lambda',
        functionArn: form.lambdaFunctionArn.trim(),
        ...(nonEmpty(form.lambdaVersion) ? { functionVersion: form.lambdaVersion.trim() } : {}),
        invocationSchemaVersion: form.lambdaSchema,
        userArguments: form.lambdaArgs,
      };
    case 'legalHold':
      return { type: 'legalHold', status: form.legalHoldStatus };
    case 'retention': {
      const date = dayToIso(form.retentionDate);
      return {
        type: 'retention',
        action: form.retentionAction,
        ...(form.retentionAction === 'set' && form.retentionMode ? { mode: form.retentionMode } : {}),
        ...(form.retentionAction === 'set' && date ? { retainUntilDate: date } : {}),
        bypassGovernanceRetention: form.bypassGovernance,
      };
    }
    case 'checksum':
      return { type: 'checksum', algorithm: form.checksumAlgorithm, checksumType: form.checksumType };
    case 'updateEncryption':
      return {
        type: 'updateEncryption',
        kmsKeyArn: form.kmsKeyArn.trim(),
        bucketKeyEnabled: form.bucketKeyEnabled,
      };
  }
}

/** The checksum type to keep when the algorithm changes: the same one if the algorithm has it. */
export function checksumTypeFor(
  algorithm: ChecksumAlgorithm,
  current: 'FULL_OBJECT' | 'COMPOSITE',
): 'FULL_OBJECT' | 'COMPOSITE' {
  const types = checksumTypesOf(algorithm);
  return types.includes(current) ? current : (types[0] as 'FULL_OBJECT' | 'COMPOSITE');
}

/** A cloned job's model → the form. */
export function fromWizardModel(model: JobWizardModel, fallbackRegion: string): WizardForm {
  const base = emptyWizardForm(model.region ?? fallbackRegion, model.roleArn);
  const m = model.manifest;
  const object = m.objectArn ? parseObjectArn(m.objectArn) : undefined;
  const manifestUri =
    m.format === 'replication' ? '' : s3Uri(object?.bucket ?? m.bucket ?? '', object?.key ?? m.key ?? '');
  const op = model.operation;
  const g = m.generator;
  return {
    ...base,
    manifestFormat: m.format,
    manifestUri,
    ...(m.format === 'replication' && g
      ? {
          genSourceUri: s3Uri(g.sourceBucket),
          genCreatedAfter: isoToDay(g.createdAfter),
          genCreatedBefore: isoToDay(g.createdBefore),
          genStatuses: g.replicationStatuses,
          genSaveManifest: g.output !== undefined,
          genOutputUri: g.output ? s3Uri(g.output.bucket, g.output.prefix ?? '') : '',
        }
      : {}),
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
    ...(op.type === 'restore'
      ? {
          restoreSource: op.expirationInDays === undefined ? 'intelligentTiering' : 'glacier',
          restoreDays: op.expirationInDays === undefined ? base.restoreDays : String(op.expirationInDays),
          restoreTier: op.glacierJobTier,
        }
      : {}),
    ...(op.type === 'lambda'
      ? {
          lambdaSource: 'arn',
          lambdaFunctionArn: op.functionArn,
          lambdaVersion: op.functionVersion ?? '',
          lambdaSchema: op.invocationSchemaVersion,
          lambdaArgs: op.userArguments,
        }
      : {}),
    ...(op.type === 'legalHold' ? { legalHoldStatus: op.status } : {}),
    ...(op.type === 'retention'
      ? {
          retentionAction: op.action,
          retentionMode: op.mode ?? '',
          retentionDate: isoToDay(op.retainUntilDate),
          bypassGovernance: op.bypassGovernanceRetention,
        }
      : {}),
    ...(op.type === 'checksum' ? { checksumAlgorithm: op.algorithm, checksumType: op.checksumType } : {}),
    ...(op.type === 'updateEncryption'
      ? { kmsKeyArn: op.kmsKeyArn, bucketKeyEnabled: op.bucketKeyEnabled }
      : {}),
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
const operationFields: Record<string, string> = {
  expirationInDays: 'restoreDays',
  glacierJobTier: 'restoreTier',
  functionArn: 'lambdaFunctionArn',
  functionVersion: 'lambdaVersion',
  invocationSchemaVersion: 'lambdaSchema',
  userArguments: 'lambdaArgs',
  status: 'legalHoldStatus',
  mode: 'retentionMode',
  retainUntilDate: 'retentionDate',
  algorithm: 'checksumAlgorithm',
  checksumType: 'checksumType',
  kmsKeyArn: 'kmsKeyArn',
};
const generatorFields: Record<string, string> = {
  sourceBucket: 'genSourceUri',
  createdAfter: 'genCreatedAfter',
  createdBefore: 'genCreatedBefore',
  replicationStatuses: 'genStatuses',
  output: 'genOutputUri',
};

export function fieldOf(path: string): string {
  if (path.startsWith('manifest.generator'))
    return generatorFields[path.split('.')[2] ?? ''] ?? 'genSourceUri';
  if (/^operation\.userArguments\.\d+\./.test(path)) return path;
  const opField = /^operation\.(\w+)/.exec(path)?.[1];
  if (opField && operationFields[opField]) return operationFields[opField] as string;
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
  nowMs = Date.now(),
): { success: true; model: JobWizardModel } | { success: false; issues: ModelIssue[] } {
  const parsed = JobWizardModel.safeParse(toWizardInput(form, clientRequestToken, readEtag));
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  // As the S3 console: a retention can only be set to end in the future.
  if (form.operation === 'retention' && form.retentionAction === 'set') {
    const until = Date.parse(dayToIso(form.retentionDate) ?? '');
    if (!Number.isNaN(until) && until <= nowMs)
      issues.push({ field: 'operation.retainUntilDate', message: 'must be a date in the future' });
  }
  if (parsed.success && issues.length === 0) return { success: true, model: parsed.data };
  return { success: false, issues };
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
