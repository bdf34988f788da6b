import { objectArn } from '@batchops/batch-formats';
import type { BucketRow, ObjectRow } from '../store/s3-rows.js';
import { type AclPermission, aclAllows, aclsDisabled } from './access-control.js';
import { policyDecision } from './policy-access.js';
import type { AddressedObject, S3Context } from './s3-context.js';
import { accessDenied, versionIdParam } from './s3-errors.js';
import { mayWriteInto } from './write-consent.js';

// Who may do what to a bucket or object of another account: its ACL grants, as on S3 (decision 0016),
// where its bucket policy did not grant it already (policy-access.ts, decision 0032).

/** What an operation needs from a caller who does not own the bucket; any other needs the owner. */
type Need = 'anyone' | { on: 'bucket' | 'object'; permission: AclPermission };

const bucket = (permission: AclPermission): Need => ({ on: 'bucket', permission });
const object = (permission: AclPermission): Need => ({ on: 'object', permission });

const NEEDS: Readonly<Record<string, Need>> = {
  // ListBuckets answers the caller's own; CreateBucket refuses another's name itself.
  ListBuckets: 'anyone',
  CreateBucket: 'anyone',
  HeadBucket: bucket('READ'),
  ListObjects: bucket('READ'),
  ListObjectsV2: bucket('READ'),
  ListObjectVersions: bucket('READ'),
  ListMultipartUploads: bucket('READ'),
  PutObject: bucket('WRITE'),
  CopyObject: bucket('WRITE'),
  DeleteObject: bucket('WRITE'),
  DeleteObjects: bucket('WRITE'),
  CreateMultipartUpload: bucket('WRITE'),
  UploadPart: bucket('WRITE'),
  CompleteMultipartUpload: bucket('WRITE'),
  AbortMultipartUpload: bucket('WRITE'),
  ListParts: bucket('WRITE'),
  GetBucketAcl: bucket('READ_ACP'),
  PutBucketAcl: bucket('WRITE_ACP'),
  GetObject: object('READ'),
  HeadObject: object('READ'),
  GetObjectAttributes: object('READ'),
  GetObjectAcl: object('READ_ACP'),
  PutObjectAcl: object('WRITE_ACP'),
};

/** The account that owns an object version: its writer, or the bucket owner under BucketOwnerEnforced. */
export const objectOwner = (b: BucketRow, row: ObjectRow) =>
  aclsDisabled(b) ? b.owner : (row.attrs.owner ?? b.owner);

const bucketAllows = (ctx: S3Context, b: BucketRow, permission: AclPermission) =>
  aclAllows(b, b.config.acl, b.owner, ctx.identity.accountId, permission, ctx.svc.publicAccessBlocks);

/** A copy source read from another account's bucket: its policy may grant s3:GetObject(Version). */
const policyGrantsRead = (ctx: S3Context, b: BucketRow, key: string, versionId: string | undefined) =>
  b.owner !== ctx.identity.accountId &&
  policyDecision(ctx, b, {
    action: versionId === undefined ? 's3:GetObject' : 's3:GetObjectVersion',
    resource: objectArn(b.name, key),
  }) === 'allowed';

/**
 * `permission` on an object version; where there is none (or a delete marker), READ on the bucket,
 * so that only who may list the bucket learns that a key is missing (404 rather than 403, as on S3).
 */
export function assertObjectAccess(
  ctx: S3Context,
  b: BucketRow,
  key: string,
  versionId: string | undefined,
  permission: AclPermission,
): ObjectRow | undefined {
  const row = ctx.svc.meta.getObject(b.name, key, versionId);
  const allowed =
    (permission === 'READ' && policyGrantsRead(ctx, b, key, versionId)) ||
    (row && !row.isDeleteMarker
      ? aclAllows(
          b,
          row.attrs.acl,
          objectOwner(b, row),
          ctx.identity.accountId,
          permission,
          ctx.svc.publicAccessBlocks,
        )
      : bucketAllows(ctx, b, 'READ'));
  if (!allowed) throw accessDenied();
  return row;
}

/**
 * Refuse an operation the caller may not do to the addressed bucket or object (403 AccessDenied);
 * `grantedByPolicy`: the bucket's policy granted it already. Returns the addressed object version
 * when it read it, so the handler need not read it again.
 */
export function authorize(
  ctx: S3Context,
  operation: string,
  grantedByPolicy = false,
): AddressedObject | undefined {
  const need = NEEDS[operation];
  // ListBuckets and CreateBucket need a signer: no bucket can grant them to everyone.
  if (need === 'anyone' && ctx.identity.principal.kind === 'anonymous') throw accessDenied();
  if (need === 'anyone' || ctx.bucket === undefined) return;
  const b = ctx.svc.meta.getBucket(ctx.bucket);
  // A missing bucket is the operation's own NoSuchBucket.
  if (!b) return;
  if (grantedByPolicy) {
    if (need?.on !== 'object' || ctx.key === undefined) return;
    return { row: ctx.svc.meta.getObject(b.name, ctx.key, versionIdParam(ctx)) };
  }
  if (need?.on === 'object' && ctx.key !== undefined) {
    return { row: assertObjectAccess(ctx, b, ctx.key, versionIdParam(ctx), need.permission) };
  }
  if (b.owner === ctx.identity.accountId) return;
  if (need?.on !== 'bucket') throw accessDenied();
  const allowed =
    need.permission === 'WRITE'
      ? mayWriteInto(
          b,
          { accountId: ctx.identity.accountId, principalArn: ctx.identity.principal.arn },
          writeAction(operation),
          ctx.key,
          ctx.svc.publicAccessBlocks,
        )
      : bucketAllows(ctx, b, need.permission);
  if (!allowed) throw accessDenied();
}

/** The write a bucket-WRITE operation is, for the consent check. */
const writeAction = (operation: string) =>
  operation === 'DeleteObject' || operation === 'DeleteObjects' ? 's3:DeleteObject' : 's3:PutObject';
