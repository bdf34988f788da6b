import {
  type ChecksumAlgorithm,
  CopyObjectCommand,
  type CopyObjectCommandInput,
  type ObjectCannedACL,
  type ServerSideEncryption,
  type StorageClass,
} from '@aws-sdk/client-s3';
import type { S3CopyObjectOperation, S3Grant } from '@aws-sdk/client-s3-control';
import { bucketOfArn } from '@batchops/batch-formats';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

/** The destination key: TargetKeyPrefix is a folder the object goes into. */
export function targetKey(prefix: string | undefined, key: string): string {
  if (!prefix) return key;
  return prefix.endsWith('/') ? `${prefix}${key}` : `${prefix}/${key}`;
}

/** S3 grant headers (`id="…"`, `uri="…"`, `emailAddress="…"`) from S3 Control grants. */
function grantHeaders(grants: readonly S3Grant[] | undefined): Partial<CopyObjectCommandInput> {
  const by: Record<string, string[]> = {};
  for (const g of grants ?? []) {
    const type = g.Grantee?.TypeIdentifier ?? 'id';
    const value = `${type}="${g.Grantee?.Identifier ?? ''}"`;
    const permission = g.Permission ?? 'READ';
    by[permission] = [...(by[permission] ?? []), value];
  }
  const join = (p: string) => by[p]?.join(', ');
  return {
    ...(join('READ') ? { GrantRead: join('READ') } : {}),
    ...(join('READ_ACP') ? { GrantReadACP: join('READ_ACP') } : {}),
    ...(join('WRITE_ACP') ? { GrantWriteACP: join('WRITE_ACP') } : {}),
    ...(join('FULL_CONTROL') ? { GrantFullControl: join('FULL_CONTROL') } : {}),
  };
}

/** The CopyObject request for one task: every S3CopyObjectOperation parameter mapped. */
export function copyRequest(
  task: { bucket: string; key: string; versionId?: string | undefined },
  p: S3CopyObjectOperation,
): CopyObjectCommandInput {
  const source = `${task.bucket}/${encodeURIComponent(task.key)}${task.versionId ? `?versionId=${encodeURIComponent(task.versionId)}` : ''}`;
  const meta = p.NewObjectMetadata;
  const replaceMetadata = (p.MetadataDirective ?? (meta ? 'REPLACE' : 'COPY')) === 'REPLACE';
  const sse =
    meta?.SSEAlgorithm === 'KMS'
      ? 'aws:kms'
      : meta?.SSEAlgorithm === 'AES256'
        ? 'AES256'
        : p.SSEAwsKmsKeyId
          ? 'aws:kms'
          : undefined;
  const tags = p.NewObjectTagging;
  return {
    Bucket: p.TargetResource ? bucketOfArn(p.TargetResource) : task.bucket,
    Key: targetKey(p.TargetKeyPrefix, task.key),
    CopySource: source,
    MetadataDirective: replaceMetadata ? 'REPLACE' : 'COPY',
    ...(replaceMetadata && meta
      ? {
          CacheControl: meta.CacheControl,
          ContentDisposition: meta.ContentDisposition,
          ContentEncoding: meta.ContentEncoding,
          ContentLanguage: meta.ContentLanguage,
          ContentType: meta.ContentType,
          Expires: meta.HttpExpiresDate,
          Metadata: meta.UserMetadata,
        }
      : {}),
    ...(tags
      ? {
          TaggingDirective: 'REPLACE' as const,
          Tagging: new URLSearchParams(
            tags.map((t): [string, string] => [t.Key as string, t.Value ?? '']),
          ).toString(),
        }
      : {}),
    ...(p.StorageClass ? { StorageClass: p.StorageClass as StorageClass } : {}),
    ...(p.CannedAccessControlList ? { ACL: p.CannedAccessControlList as ObjectCannedACL } : {}),
    ...grantHeaders(p.AccessControlGrants),
    ...(p.ModifiedSinceConstraint ? { CopySourceIfModifiedSince: p.ModifiedSinceConstraint } : {}),
    ...(p.UnModifiedSinceConstraint ? { CopySourceIfUnmodifiedSince: p.UnModifiedSinceConstraint } : {}),
    ...(p.RedirectLocation ? { WebsiteRedirectLocation: p.RedirectLocation } : {}),
    ...(p.RequesterPays ? { RequestPayer: 'requester' as const } : {}),
    ...(sse ? { ServerSideEncryption: sse as ServerSideEncryption } : {}),
    ...(p.SSEAwsKmsKeyId ? { SSEKMSKeyId: p.SSEAwsKmsKeyId } : {}),
    ...(p.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: p.BucketKeyEnabled } : {}),
    ...(p.ObjectLockLegalHoldStatus ? { ObjectLockLegalHoldStatus: p.ObjectLockLegalHoldStatus } : {}),
    ...(p.ObjectLockMode ? { ObjectLockMode: p.ObjectLockMode } : {}),
    ...(p.ObjectLockRetainUntilDate ? { ObjectLockRetainUntilDate: p.ObjectLockRetainUntilDate } : {}),
    ...(p.ChecksumAlgorithm ? { ChecksumAlgorithm: p.ChecksumAlgorithm as ChecksumAlgorithm } : {}),
  };
}

export const putObjectCopy: OperationModule<'S3PutObjectCopy'> = {
  name: 'S3PutObjectCopy',
  check(p) {
    if (p.AccessControlGrants?.length && p.CannedAccessControlList) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectCopy: AccessControlGrants and CannedAccessControlList are exclusive',
      );
    }
    if ((p.ObjectLockMode === undefined) !== (p.ObjectLockRetainUntilDate === undefined)) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectCopy: ObjectLockMode and ObjectLockRetainUntilDate go together',
      );
    }
    if ((p.NewObjectTagging?.length ?? 0) > 10) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectCopy.NewObjectTagging: at most 10 tags',
      );
    }
  },
  run: (task, params, { s3 }) => outcomeOf(() => s3.send(new CopyObjectCommand(copyRequest(task, params)))),
};
