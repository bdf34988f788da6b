import { bucketArn, objectArn } from '@batchops/batch-formats';
import type { Permission } from '../iam/authorizer.js';
import type { S3Context } from './s3-context.js';
import { versionIdParam } from './s3-errors.js';

// What each S3 operation needs in an identity-based policy: the action names and resource ARNs of
// the Service Authorization Reference ("Actions, resources, and condition keys for Amazon S3").

type On = 'bucket' | 'object' | 'all';

/** operation → [action, resource type, action when a versionId is given]. */
const ACTIONS: Readonly<Record<string, readonly [string, On, string?]>> = {
  ListBuckets: ['s3:ListAllMyBuckets', 'all'],
  CreateBucket: ['s3:CreateBucket', 'bucket'],
  DeleteBucket: ['s3:DeleteBucket', 'bucket'],
  HeadBucket: ['s3:ListBucket', 'bucket'],
  ListObjects: ['s3:ListBucket', 'bucket'],
  ListObjectsV2: ['s3:ListBucket', 'bucket'],
  ListObjectVersions: ['s3:ListBucketVersions', 'bucket'],
  ListMultipartUploads: ['s3:ListBucketMultipartUploads', 'bucket'],
  GetBucketLocation: ['s3:GetBucketLocation', 'bucket'],
  GetBucketVersioning: ['s3:GetBucketVersioning', 'bucket'],
  PutBucketVersioning: ['s3:PutBucketVersioning', 'bucket'],
  GetBucketAcl: ['s3:GetBucketAcl', 'bucket'],
  PutBucketAcl: ['s3:PutBucketAcl', 'bucket'],
  GetBucketCors: ['s3:GetBucketCORS', 'bucket'],
  GetBucketEncryption: ['s3:GetEncryptionConfiguration', 'bucket'],
  GetBucketLifecycleConfiguration: ['s3:GetLifecycleConfiguration', 'bucket'],
  GetBucketOwnershipControls: ['s3:GetBucketOwnershipControls', 'bucket'],
  PutBucketOwnershipControls: ['s3:PutBucketOwnershipControls', 'bucket'],
  DeleteBucketOwnershipControls: ['s3:PutBucketOwnershipControls', 'bucket'],
  GetBucketPolicy: ['s3:GetBucketPolicy', 'bucket'],
  PutBucketPolicy: ['s3:PutBucketPolicy', 'bucket'],
  DeleteBucketPolicy: ['s3:DeleteBucketPolicy', 'bucket'],
  GetBucketPolicyStatus: ['s3:GetBucketPolicyStatus', 'bucket'],
  PutPublicAccessBlock: ['s3:PutBucketPublicAccessBlock', 'bucket'],
  DeletePublicAccessBlock: ['s3:PutBucketPublicAccessBlock', 'bucket'],
  GetBucketReplication: ['s3:GetReplicationConfiguration', 'bucket'],
  PutBucketReplication: ['s3:PutReplicationConfiguration', 'bucket'],
  DeleteBucketReplication: ['s3:PutReplicationConfiguration', 'bucket'],
  GetBucketTagging: ['s3:GetBucketTagging', 'bucket'],
  PutBucketTagging: ['s3:PutBucketTagging', 'bucket'],
  DeleteBucketTagging: ['s3:PutBucketTagging', 'bucket'],
  GetPublicAccessBlock: ['s3:GetBucketPublicAccessBlock', 'bucket'],
  GetObjectLockConfiguration: ['s3:GetBucketObjectLockConfiguration', 'bucket'],
  PutObjectLockConfiguration: ['s3:PutBucketObjectLockConfiguration', 'bucket'],
  // DeleteObjects is authorized per key on S3; here on the bucket's objects as a whole.
  DeleteObjects: ['s3:DeleteObject', 'object'],
  GetObject: ['s3:GetObject', 'object', 's3:GetObjectVersion'],
  HeadObject: ['s3:GetObject', 'object', 's3:GetObjectVersion'],
  GetObjectAttributes: ['s3:GetObjectAttributes', 'object', 's3:GetObjectVersionAttributes'],
  GetObjectAcl: ['s3:GetObjectAcl', 'object', 's3:GetObjectVersionAcl'],
  PutObjectAcl: ['s3:PutObjectAcl', 'object', 's3:PutObjectVersionAcl'],
  GetObjectTagging: ['s3:GetObjectTagging', 'object', 's3:GetObjectVersionTagging'],
  PutObjectTagging: ['s3:PutObjectTagging', 'object', 's3:PutObjectVersionTagging'],
  DeleteObjectTagging: ['s3:DeleteObjectTagging', 'object', 's3:DeleteObjectVersionTagging'],
  PutObject: ['s3:PutObject', 'object'],
  CopyObject: ['s3:PutObject', 'object'],
  DeleteObject: ['s3:DeleteObject', 'object', 's3:DeleteObjectVersion'],
  CreateMultipartUpload: ['s3:PutObject', 'object'],
  UploadPart: ['s3:PutObject', 'object'],
  CompleteMultipartUpload: ['s3:PutObject', 'object'],
  AbortMultipartUpload: ['s3:AbortMultipartUpload', 'object'],
  ListParts: ['s3:ListMultipartUploadParts', 'object'],
  GetObjectLegalHold: ['s3:GetObjectLegalHold', 'object'],
  PutObjectLegalHold: ['s3:PutObjectLegalHold', 'object'],
  GetObjectRetention: ['s3:GetObjectRetention', 'object'],
  PutObjectRetention: ['s3:PutObjectRetention', 'object'],
  RestoreObject: ['s3:RestoreObject', 'object'],
  GetBucketInventoryConfiguration: ['s3:GetInventoryConfiguration', 'bucket'],
  PutBucketInventoryConfiguration: ['s3:PutInventoryConfiguration', 'bucket'],
  DeleteBucketInventoryConfiguration: ['s3:PutInventoryConfiguration', 'bucket'],
  // local-aws's own "write an inventory report now" (decision 0020): as changing the configuration.
  GenerateInventoryReport: ['s3:PutInventoryConfiguration', 'bucket'],
  // S3UpdateObjectEncryption (decision 0020): rewriting an object is writing it.
  UpdateObjectEncryption: ['s3:PutObject', 'object'],
};

/** `bucket/key[?versionId=v]` of x-amz-copy-source → the source's ARN and whether a version is named. */
function copySource(header: string): { arn: string; versioned: boolean } | undefined {
  const [path, query] = header.replace(/^\//, '').split('?', 2) as [string, string | undefined];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const [bucket = '', ...key] = decoded.split('/');
  const arn = key.length ? objectArn(bucket, key.join('/')) : bucketArn(bucket);
  return { arn, versioned: /(^|&)versionId=/.test(query ?? '') };
}

/** Operations whose `s3:prefix`, `s3:delimiter` and `s3:max-keys` are the request's. */
const LISTINGS = new Set(['ListObjects', 'ListObjectsV2', 'ListObjectVersions']);

/**
 * The request's condition keys that local-aws knows (decision 0032): the transport (plain HTTP on
 * a loopback address), the listing parameters, the canned ACL asked for, the version, and the
 * addressed object's tags.
 */
function requestContext(ctx: S3Context, operation: string): Record<string, string | string[] | undefined> {
  const q = ctx.target.query;
  const now = ctx.svc.now();
  const out: Record<string, string | string[] | undefined> = {
    'aws:SecureTransport': 'false',
    'aws:SourceIp': '127.0.0.1',
    'aws:CurrentTime': now.toISOString(),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    's3:x-amz-acl': ctx.headers['x-amz-acl']?.[0],
    's3:VersionId': versionIdParam(ctx),
  };
  if (LISTINGS.has(operation)) {
    out['s3:prefix'] = q.get('prefix')?.[0] ?? '';
    out['s3:delimiter'] = q.get('delimiter')?.[0];
    out['s3:max-keys'] = q.get('max-keys')?.[0];
  }
  // The object's tags cost a read: only where a policy may ask for them.
  const policies =
    ctx.identity.principal.kind !== 'root' || ctx.svc.meta.getBucket(ctx.bucket ?? '')?.config.policy;
  if (ctx.bucket !== undefined && ctx.key !== undefined && policies) {
    const row = ctx.svc.meta.getObject(ctx.bucket, ctx.key, versionIdParam(ctx));
    for (const t of row?.attrs.tags ?? []) out[`s3:ExistingObjectTag/${t.Key}`] = t.Value;
  }
  return out;
}

/** The permissions an S3 request needs, each with the request's condition keys. */
export function s3Permissions(ctx: S3Context, operation: string): Permission[] {
  const entry = ACTIONS[operation] ?? [`s3:${operation}`, ctx.key !== undefined ? 'object' : 'bucket'];
  const [action, on, versionAction] = entry;
  const bucket = bucketArn(ctx.bucket ?? '');
  const resource =
    on === 'all'
      ? '*'
      : on === 'bucket' || ctx.bucket === undefined
        ? bucket
        : objectArn(ctx.bucket, ctx.key ?? '*');
  const versioned = versionIdParam(ctx) !== undefined && versionAction !== undefined;
  const context = requestContext(ctx, operation);
  const needs: Permission[] = [{ action: versioned ? (versionAction as string) : action, resource, context }];
  const source = ctx.headers['x-amz-copy-source']?.[0];
  if (source !== undefined && (operation === 'CopyObject' || operation === 'UploadPart')) {
    const src = copySource(source);
    if (src)
      needs.push({
        action: src.versioned ? 's3:GetObjectVersion' : 's3:GetObject',
        resource: src.arn,
        context,
      });
  }
  return needs;
}
