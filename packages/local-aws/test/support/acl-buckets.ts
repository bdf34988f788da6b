import {
  type BucketCannedACL,
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * A bucket with ACLs on and public access allowed, as a user on AWS asks for since April 2023 (new
 * buckets are BucketOwnerEnforced with public access blocked: decision 0032); then its canned ACL
 * and versioning when asked.
 */
export async function createAclBucket(
  s3: S3Client,
  Bucket: string,
  options: { readonly acl?: BucketCannedACL; readonly versioned?: boolean } = {},
): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket, ObjectOwnership: 'ObjectWriter' }));
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
  if (options.acl !== undefined) await s3.send(new PutBucketAclCommand({ Bucket, ACL: options.acl }));
  if (options.versioned)
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
}
