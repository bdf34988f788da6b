import { randomUUID } from 'node:crypto';
import type {
  CreateJobRequest,
  JobDescriptor,
  JobManifestFieldName,
  JobOperation,
  S3CopyObjectOperation,
  S3Tag as SdkS3Tag,
} from '@aws-sdk/client-s3-control';
import { bucketArn, bucketOfArn, objectArn, parseObjectArn } from '@batchops/batch-formats';
import type { JobWizardModel, S3Tag, WizardManifest, WizardOperation } from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';

const CSV_FORMAT = 'S3BatchOperations_CSV_20180820';
export const INVENTORY_FORMAT = 'S3InventoryReport_CSV_20161130';

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
  }
}

/**
 * The wizard's model → a CreateJob request. `etag` is the manifest's (given or read with
 * HeadObject); `fields` the CSV columns (S3 requires them for CSV manifests).
 */
export function toCreateJobRequest(
  model: JobWizardModel,
  accountId: string,
  manifest: { etag: string; fields: JobManifestFieldName[] | undefined },
): CreateJobRequest {
  const { bucket, key } = manifestLocation(model.manifest);
  const csv = model.manifest.format === 'csv';
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
    Manifest: {
      Spec: {
        Format: csv ? CSV_FORMAT : INVENTORY_FORMAT,
        ...(csv && manifest.fields ? { Fields: manifest.fields } : {}),
      },
      Location: {
        ObjectArn: objectArn(bucket, key),
        ETag: manifest.etag,
        ...(model.manifest.versionId ? { ObjectVersionId: model.manifest.versionId } : {}),
      },
    },
    ...(model.description ? { Description: model.description } : {}),
    Priority: model.priority,
    RoleArn: model.roleArn,
    ...(model.tags.length ? { Tags: toSdkTags(model.tags) } : {}),
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
  if (!loc) {
    throw new HttpError(422, 'UnsupportedManifest', 'The job has no manifest object the wizard can use.');
  }
  const report = job.Report;
  return {
    region,
    manifest: {
      format: job.Manifest?.Spec?.Format === INVENTORY_FORMAT ? 'inventory' : 'csv',
      bucket: loc.bucket,
      key: loc.key,
      ...(location?.ObjectVersionId ? { versionId: location.ObjectVersionId } : {}),
      ...(location?.ETag ? { etag: location.ETag } : {}),
    },
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
