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

/** The permissions an S3 request needs from the caller's identity-based policies. */
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
  const needs: Permission[] = [{ action: versioned ? (versionAction as string) : action, resource }];
  const source = ctx.headers['x-amz-copy-source']?.[0];
  if (source !== undefined && (operation === 'CopyObject' || operation === 'UploadPart')) {
    const src = copySource(source);
    if (src)
      needs.push({ action: src.versioned ? 's3:GetObjectVersion' : 's3:GetObject', resource: src.arn });
  }
  return needs;
}
