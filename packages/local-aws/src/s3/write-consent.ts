import { objectArn } from '@batchops/batch-formats';
import type { BucketRow } from '../store/s3-rows.js';
import { aclAllows } from './access-control.js';
import { bucketPolicyDecision, callerOfArn } from './bucket-policy-access.js';
import type { AccountPublicAccessBlocks } from './public-access-block.js';

// Whether a writer may put data into a bucket it may not own: the one consent check (decisions
// 0026, 0032): the bucket's ACL or its policy; nothing else decides cross-account writes.

/** The IAM action of a write into a bucket, as a bucket policy would name it. */
export type WriteAction =
  | 's3:PutObject'
  | 's3:DeleteObject'
  | 's3:ReplicateObject'
  | 's3:ReplicateDelete'
  | 's3:ObjectOwnerOverrideToBucketOwner';

/** Who writes: an account, and the principal (user or role) of that account when there is one. */
export interface Writer {
  readonly accountId: string;
  readonly principalArn?: string;
}

/** Actions an ACL's WRITE grant stands for (S3's mapping of ACL permissions to policy actions). */
const ACL_WRITE_ACTIONS: ReadonlySet<WriteAction> = new Set(['s3:PutObject', 's3:DeleteObject']);

/**
 * May `writer` do `action` on `key` in `bucket`? Its owner always may; another account only with
 * the owner's consent: a WRITE grant of the bucket ACL for puts and deletes (decision 0016), or the
 * bucket policy allowing the writer (its role or user ARN, or its account) that action — the only
 * grant of `s3:ReplicateObject` / `s3:ReplicateDelete`. An explicit Deny of the policy wins.
 */
export function mayWriteInto(
  bucket: BucketRow,
  writer: Writer,
  action: WriteAction,
  key = '*',
  accounts?: AccountPublicAccessBlocks,
): boolean {
  if (bucket.owner === writer.accountId) return true;
  const policy = bucketPolicyDecision(
    bucket,
    {
      caller: callerOfArn(writer.accountId, writer.principalArn),
      action,
      resource: objectArn(bucket.name, key),
      context: {
        'aws:PrincipalAccount': writer.accountId,
        'aws:PrincipalArn': writer.principalArn,
        'aws:SourceAccount': writer.accountId,
      },
    },
    accounts,
  );
  if (policy !== 'implicitDeny') return policy === 'allowed';
  return (
    ACL_WRITE_ACTIONS.has(action) &&
    aclAllows(bucket, bucket.config.acl, bucket.owner, writer.accountId, 'WRITE', accounts)
  );
}
