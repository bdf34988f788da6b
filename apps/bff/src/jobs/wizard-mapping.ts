import { randomUUID } from 'node:crypto';
import type {
  CreateJobRequest,
  JobDescriptor,
  JobManifestFieldName,
  JobManifestGenerator,
  JobOperation,
  S3CopyObjectOperation,
  S3Tag as SdkS3Tag,
} from '@aws-sdk/client-s3-control';
import { bucketArn, bucketOfArn, objectArn, parseObjectArn } from '@batchops/batch-formats';
import type {
  ChecksumAlgorithm,
  JobWizardModel,
  S3Tag,
  WizardManifest,
  WizardManifestGenerator,
  WizardOperation,
} from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';

const CSV_FORMAT = 'S3BatchOperations_CSV_20180820';
export const INVENTORY_FORMAT = 'S3InventoryReport_CSV_20161130';
/** The only format of a generated manifest (S3ManifestOutputLocation.ManifestFormat). */
export const GENERATED_MANIFEST_FORMAT = 'S3InventoryReport_CSV_20211130';

export const toSdkTags = (tags: readonly S3Tag[]): SdkS3Tag[] =>
  tags.map((t) => ({ Key: t.key, Value: t.value }));
export const fromSdkTags = (tags: readonly SdkS3Tag[] | undefined): S3Tag[] =>
  (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));

/** Bucket and key of the wizard's manifest (from the ARN when given). */
export function manifestLocation(m: WizardManifest): { bucket: string; key: string } {
  if (m.objectArn !== undefined) {
    const loc = parseObjectArn(m.objectArn);
    if (loc) return loc;
  }
  if (m.bucket !== undefined && m.key !== undefined) return { bucket: m.bucket, key: m.key };
  throw new HttpError(400, 'ValidationError', 'The manifest location is not valid.', [
    { field: 'manifest.objectArn', message: 'give the manifest object ARN, or its bucket and key' },
  ]);
}

function toSdkOperation(op: WizardOperation): JobOperation {
  switch (op.type) {
    case 'tagging':
      return { S3PutObjectTagging: { TagSet: toSdkTags(op.tags) } };
    case 'deleteTagging':
      return { S3DeleteObjectTagging: {} };
    case 'acl':
      return { S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: op.cannedAcl } } };
    case 'copy': {
      const copy: S3CopyObjectOperation = {
        TargetResource: op.targetBucket.startsWith('arn:') ? op.targetBucket : bucketArn(op.targetBucket),
        ...(op.targetKeyPrefix ? { TargetKeyPrefix: op.targetKeyPrefix } : {}),
        ...(op.storageClass ? { StorageClass: op.storageClass } : {}),
        ...(op.metadataDirective ? { MetadataDirective: op.metadataDirective } : {}),
        ...(op.metadata ? { NewObjectMetadata: { UserMetadata: op.metadata } } : {}),
        ...(op.tags ? { NewObjectTagging: toSdkTags(op.tags) } : {}),
        ...(op.cannedAcl ? { CannedAccessControlList: op.cannedAcl } : {}),
        ...(op.objectLockMode ? { ObjectLockMode: op.objectLockMode } : {}),
        ...(op.objectLockRetainUntilDate
          ? { ObjectLockRetainUntilDate: new Date(op.objectLockRetainUntilDate) }
          : {}),
        ...(op.objectLockLegalHoldStatus ? { ObjectLockLegalHoldStatus: op.objectLockLegalHoldStatus } : {}),
      };
      return { S3PutObjectCopy: copy };
    }
    case 'replicate':
      return { S3ReplicateObject: {} };
    case 'restore':
      return {
        S3InitiateRestoreObject: {
          ...(op.expirationInDays !== undefined ? { ExpirationInDays: op.expirationInDays } : {}),
          GlacierJobTier: op.glacierJobTier,
        },
      };
    case 'lambda':
      return {
        LambdaInvoke: {
          FunctionArn: op.functionVersion ? `${op.functionArn}:${op.functionVersion}` : op.functionArn,
          InvocationSchemaVersion: op.invocationSchemaVersion,
          ...(op.userArguments.length
            ? { UserArguments: Object.fromEntries(op.userArguments.map((a) => [a.key, a.value])) }
            : {}),
        },
      };
    case 'legalHold':
      return { S3PutObjectLegalHold: { LegalHold: { Status: op.status } } };
    case 'retention':
      return {
        S3PutObjectRetention: {
          // Neither mode nor date: S3 removes the retention.
          Retention:
            op.action === 'set'
              ? {
                  ...(op.mode ? { Mode: op.mode } : {}),
                  ...(op.retainUntilDate ? { RetainUntilDate: new Date(op.retainUntilDate) } : {}),
                }
              : {},
          ...(op.bypassGovernanceRetention ? { BypassGovernanceRetention: true } : {}),
        },
      };
    case 'checksum':
      return {
        S3ComputeObjectChecksum: { ChecksumAlgorithm: op.algorithm, ChecksumType: op.checksumType },
      };
    case 'updateEncryption':
      return {
        S3UpdateObjectEncryption: {
          ObjectEncryption: {
            SSEKMS: {
              KMSKeyArn: op.kmsKeyArn,
              ...(op.bucketKeyEnabled ? { BucketKeyEnabled: true } : {}),
            },
          },
        },
      };
  }
}

/** "Create manifest using S3 Replication configuration" → S3JobManifestGenerator. */
function toSdkGenerator(g: WizardManifestGenerator, accountId: string): JobManifestGenerator {
  return {
    S3JobManifestGenerator: {
      ExpectedBucketOwner: accountId,
      SourceBucket: bucketArn(g.sourceBucket),
      EnableManifestOutput: g.output !== undefined,
      ...(g.output
        ? {
            ManifestOutputLocation: {
              ExpectedManifestBucketOwner: accountId,
              Bucket: bucketArn(g.output.bucket),
              ...(g.output.prefix ? { ManifestPrefix: g.output.prefix } : {}),
              ManifestFormat: GENERATED_MANIFEST_FORMAT,
              ManifestEncryption: { SSES3: {} },
            },
          }
        : {}),
      Filter: {
        EligibleForReplication: true,
        ...(g.createdAfter ? { CreatedAfter: new Date(g.createdAfter) } : {}),
        ...(g.createdBefore ? { CreatedBefore: new Date(g.createdBefore) } : {}),
        ...(g.replicationStatuses.length ? { ObjectReplicationStatuses: [...g.replicationStatuses] } : {}),
      },
    },
  };
}

function toSdkManifest(
  m: WizardManifest,
  read: { etag: string; fields: JobManifestFieldName[] | undefined } | null,
): NonNullable<CreateJobRequest['Manifest']> {
  const { bucket, key } = manifestLocation(m);
  const csv = m.format === 'csv';
  return {
    Spec: {
      Format: csv ? CSV_FORMAT : INVENTORY_FORMAT,
      ...(csv && read?.fields ? { Fields: read.fields } : {}),
    },
    Location: {
      ObjectArn: objectArn(bucket, key),
      ETag: read?.etag ?? m.etag ?? '',
      ...(m.versionId ? { ObjectVersionId: m.versionId } : {}),
    },
  };
}

/**
 * The wizard's model → a CreateJob request. `etag` is the manifest's (given or read with
 * HeadObject); `fields` the CSV columns (S3 requires them for CSV manifests); null for a generated manifest.
 */
export function toCreateJobRequest(
  model: JobWizardModel,
  accountId: string,
  manifest: { etag: string; fields: JobManifestFieldName[] | undefined } | null,
): CreateJobRequest {
  const generator = model.manifest.format === 'replication' ? model.manifest.generator : undefined;
  return {
    AccountId: accountId,
    ConfirmationRequired: model.runOption === 'wait',
    Operation: toSdkOperation(model.operation),
    Report: model.report.enabled
      ? {
          Enabled: true,
          Bucket: bucketArn(model.report.bucket ?? ''),
          Format: 'Report_CSV_20180820',
          ReportScope: model.report.scope,
          ...(model.report.prefix ? { Prefix: model.report.prefix } : {}),
        }
      : { Enabled: false },
    ClientRequestToken: model.clientRequestToken,
    ...(generator
      ? { ManifestGenerator: toSdkGenerator(generator, accountId) }
      : { Manifest: toSdkManifest(model.manifest, manifest) }),
    ...(model.description ? { Description: model.description } : {}),
    Priority: model.priority,
    RoleArn: model.roleArn,
    ...(model.tags.length ? { Tags: toSdkTags(model.tags) } : {}),
  };
}

/** `arn:…:function:name:alias` → the function's ARN and the version or alias. */
export function splitFunctionArn(arn: string): { functionArn: string; functionVersion?: string } {
  const m = /^(arn:[^:]*:lambda:[^:]*:[^:]*:function:[^:]+):([^:]+)$/.exec(arn);
  return m ? { functionArn: m[1] as string, functionVersion: m[2] as string } : { functionArn: arn };
}

function fromSdkGenerator(g: JobManifestGenerator | undefined): WizardManifest | undefined {
  const s = g?.S3JobManifestGenerator;
  if (!s?.SourceBucket) return undefined;
  const f = s.Filter;
  const out = s.EnableManifestOutput ? s.ManifestOutputLocation : undefined;
  return {
    format: 'replication',
    generator: {
      sourceBucket: bucketOfArn(s.SourceBucket),
      ...(f?.CreatedAfter ? { createdAfter: f.CreatedAfter.toISOString() } : {}),
      ...(f?.CreatedBefore ? { createdBefore: f.CreatedBefore.toISOString() } : {}),
      replicationStatuses: [...(f?.ObjectReplicationStatuses ?? [])],
      ...(out?.Bucket
        ? {
            output: {
              bucket: bucketOfArn(out.Bucket),
              ...(out.ManifestPrefix ? { prefix: out.ManifestPrefix } : {}),
            },
          }
        : {}),
    },
  };
}

function fromSdkOperation(op: JobOperation | undefined): WizardOperation {
  if (op?.S3PutObjectTagging) return { type: 'tagging', tags: fromSdkTags(op.S3PutObjectTagging.TagSet) };
  if (op?.S3DeleteObjectTagging) return { type: 'deleteTagging' };
  const acl = op?.S3PutObjectAcl?.AccessControlPolicy?.CannedAccessControlList;
  if (acl) return { type: 'acl', cannedAcl: acl };
  const c = op?.S3PutObjectCopy;
  if (c?.TargetResource) {
    const metadata = c.NewObjectMetadata?.UserMetadata;
    return {
      type: 'copy',
      targetBucket: bucketOfArn(c.TargetResource),
      ...(c.TargetKeyPrefix ? { targetKeyPrefix: c.TargetKeyPrefix } : {}),
      ...(c.StorageClass ? { storageClass: c.StorageClass as never } : {}),
      ...(c.MetadataDirective ? { metadataDirective: c.MetadataDirective } : {}),
      ...(metadata && Object.keys(metadata).length ? { metadata } : {}),
      ...(c.NewObjectTagging?.length ? { tags: fromSdkTags(c.NewObjectTagging) } : {}),
      ...(c.CannedAccessControlList ? { cannedAcl: c.CannedAccessControlList } : {}),
      ...(c.ObjectLockMode ? { objectLockMode: c.ObjectLockMode } : {}),
      ...(c.ObjectLockRetainUntilDate
        ? { objectLockRetainUntilDate: c.ObjectLockRetainUntilDate.toISOString() }
        : {}),
      ...(c.ObjectLockLegalHoldStatus ? { objectLockLegalHoldStatus: c.ObjectLockLegalHoldStatus } : {}),
    };
  }
  if (op?.S3ReplicateObject) return { type: 'replicate' };
  const restore = op?.S3InitiateRestoreObject;
  if (restore)
    return {
      type: 'restore',
      ...(restore.ExpirationInDays !== undefined ? { expirationInDays: restore.ExpirationInDays } : {}),
      glacierJobTier: restore.GlacierJobTier ?? 'BULK',
    };
  const lambda = op?.LambdaInvoke;
  if (lambda?.FunctionArn) {
    const { functionArn, functionVersion } = splitFunctionArn(lambda.FunctionArn);
    return {
      type: 'lambda',
      functionArn,
      ...(functionVersion ? { functionVersion } : {}),
      invocationSchemaVersion: lambda.InvocationSchemaVersion === '2.0' ? '2.0' : '1.0',
      userArguments: Object.entries(lambda.UserArguments ?? {}).map(([key, value]) => ({ key, value })),
    };
  }
  const hold = op?.S3PutObjectLegalHold?.LegalHold?.Status;
  if (hold) return { type: 'legalHold', status: hold };
  const retention = op?.S3PutObjectRetention;
  if (retention) {
    const r = retention.Retention ?? {};
    const set = r.Mode !== undefined || r.RetainUntilDate !== undefined;
    return {
      type: 'retention',
      action: set ? 'set' : 'remove',
      ...(r.Mode ? { mode: r.Mode } : {}),
      ...(r.RetainUntilDate ? { retainUntilDate: r.RetainUntilDate.toISOString() } : {}),
      bypassGovernanceRetention: retention.BypassGovernanceRetention ?? false,
    };
  }
  const checksum = op?.S3ComputeObjectChecksum;
  if (checksum)
    return {
      type: 'checksum',
      algorithm: (checksum.ChecksumAlgorithm ?? 'CRC64NVME') as ChecksumAlgorithm,
      checksumType: checksum.ChecksumType ?? 'FULL_OBJECT',
    };
  const kms = op?.S3UpdateObjectEncryption?.ObjectEncryption?.SSEKMS;
  if (kms?.KMSKeyArn)
    return {
      type: 'updateEncryption',
      kmsKeyArn: kms.KMSKeyArn,
      bucketKeyEnabled: kms.BucketKeyEnabled ?? false,
    };
  const name = Object.keys(op ?? {}).find((k) => (op as Record<string, unknown>)[k] !== undefined);
  throw new HttpError(
    422,
    'UnsupportedOperation',
    `The console's wizard does not offer the operation ${name ?? '(none)'} of this job.`,
  );
}

/** A job's settings as a wizard model (clone, retry), with a new ClientRequestToken. */
export function toWizardModel(job: JobDescriptor, tags: readonly S3Tag[], region: string): JobWizardModel {
  const location = job.Manifest?.Location;
  const loc = location?.ObjectArn ? parseObjectArn(location.ObjectArn) : undefined;
  const generated = loc ? undefined : fromSdkGenerator(job.ManifestGenerator);
  if (!loc && !generated) {
    throw new HttpError(422, 'UnsupportedManifest', 'The job has no manifest object the wizard can use.');
  }
  const report = job.Report;
  return {
    region,
    manifest:
      generated ??
      ({
        format: job.Manifest?.Spec?.Format === INVENTORY_FORMAT ? 'inventory' : 'csv',
        bucket: loc?.bucket,
        key: loc?.key,
        ...(location?.ObjectVersionId ? { versionId: location.ObjectVersionId } : {}),
        ...(location?.ETag ? { etag: location.ETag } : {}),
      } as WizardManifest),
    operation: fromSdkOperation(job.Operation),
    ...(job.Description ? { description: job.Description } : {}),
    priority: job.Priority ?? 10,
    report:
      report?.Enabled && report.Bucket
        ? {
            enabled: true,
            bucket: bucketOfArn(report.Bucket),
            ...(report.Prefix ? { prefix: report.Prefix } : {}),
            scope: report.ReportScope ?? 'AllTasks',
          }
        : { enabled: false, scope: 'AllTasks' },
    roleArn: job.RoleArn ?? '',
    tags: [...tags],
    runOption: job.ConfirmationRequired === false ? 'auto' : 'wait',
    clientRequestToken: randomUUID(),
  };
}
