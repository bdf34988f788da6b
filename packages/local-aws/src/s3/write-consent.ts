import type { BucketRow } from '../store/s3-rows.js';
import { aclAllows } from './access-control.js';

// Whether a writer may put data into a bucket it may not own: the one consent check (decision 0026).
// Bucket policies (a later issue) extend this function; nothing else decides cross-account writes.

/** The IAM action of a write into a bucket, as a bucket policy would name it. */
export type WriteAction = 's3:PutObject' | 's3:DeleteObject' | 's3:ReplicateObject' | 's3:ReplicateDelete';

/** Who writes: an account, and the principal (user or role) of that account when there is one. */
export interface Writer {
  readonly accountId: string;
  readonly principalArn?: string;
}

/** Actions an ACL's WRITE grant stands for (S3's mapping of ACL permissions to policy actions). */
const ACL_WRITE_ACTIONS: ReadonlySet<WriteAction> = new Set(['s3:PutObject', 's3:DeleteObject']);

/**
 * May `writer` do `action` into `bucket`? Its owner always may; another account only with the
 * owner's consent: a WRITE grant of the bucket ACL for puts and deletes (decision 0016). Replication
 * (`s3:ReplicateObject` / `s3:ReplicateDelete`) can only be granted by a bucket policy, which
 * local-aws does not model yet, so it stays within the destination's own account.
 */
export function mayWriteInto(bucket: BucketRow, writer: Writer, action: WriteAction): boolean {
  if (bucket.owner === writer.accountId) return true;
  return (
    ACL_WRITE_ACTIONS.has(action) &&
    aclAllows(bucket, bucket.config.acl, bucket.owner, writer.accountId, 'WRITE')
  );
}
