import { identityRefusal, notAuthorized, type Permission, principalContext } from '../iam/authorizer.js';
import type { Decision } from '../iam/policy-evaluation.js';
import type { BucketRow } from '../store/s3-rows.js';
import { bucketPolicyDecision, callerOf, combinedDecision } from './bucket-policy-access.js';
import type { S3Context } from './s3-context.js';
import { accessDenied } from './s3-errors.js';

// Identity-based policies and bucket policies together, as the IAM User Guide's evaluation logic
// has it (decision 0032): an explicit Deny in either wins; within the bucket's account either may
// allow; from another account the caller's identity policy must allow, and the bucket's policy
// (or, after this, its ACL — authorization.ts) must too.

/** What the bucket owner's root may always do, so that no policy locks the owner out (as on S3). */
const OWNER_ROOT_ALWAYS = new Set(['GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy']);

/** The bucket of a bucket or object ARN (`arn:aws:s3:::<bucket>[/<key>]`). */
const bucketOf = (ctx: S3Context, resource: string): BucketRow | undefined => {
  const name = resource.match(/^arn:aws:s3:::([^/]+)/)?.[1];
  return name ? ctx.svc.meta.getBucket(name) : undefined;
};

/** The bucket policy's decision on one permission of this request's caller. */
export function policyDecision(ctx: S3Context, bucket: BucketRow, permission: Permission): Decision {
  // Most buckets have no policy: no question to build for it.
  if (bucket.config.policy === undefined) return 'implicitDeny';
  const principal = ctx.identity.principal;
  return bucketPolicyDecision(
    bucket,
    {
      caller: callerOf(principal),
      action: permission.action,
      resource: permission.resource,
      context: { ...principalContext(principal), ...permission.context },
    },
    ctx.svc.publicAccessBlocks,
  );
}

/**
 * Refuse the request unless the policies allow each permission (403 AccessDenied worded as AWS
 * words it). Returns whether a bucket policy granted the first permission to a caller of another
 * account than the bucket's, which then needs no ACL grant.
 */
export function checkPolicies(
  ctx: S3Context,
  operation: string,
  permissions: readonly Permission[],
): boolean {
  const principal = ctx.identity.principal;
  let grantedByPolicy = false;
  const anonymous = principal.kind === 'anonymous';
  for (const [i, permission] of permissions.entries()) {
    const bucket = bucketOf(ctx, permission.resource);
    // Nobody signed and no bucket: S3 answers anyone NoSuchBucket (authorization.ts refuses CreateBucket).
    if (anonymous && !bucket) continue;
    const identity =
      principal.kind === 'root' || !ctx.svc.authorizer
        ? 'allowed'
        : ctx.svc.authorizer.evaluate(principal, permission).decision;
    if (identity === 'explicitDeny')
      throw notAuthorized(principal.arn, permission, identityRefusal(identity, permission.action), true);
    const policy = bucket ? policyDecision(ctx, bucket, permission) : 'implicitDeny';
    const ownerRoot = principal.kind === 'root' && bucket?.owner === principal.accountId;
    if (policy === 'explicitDeny' && !(ownerRoot && OWNER_ROOT_ALWAYS.has(operation)))
      throw anonymous
        ? accessDenied()
        : notAuthorized(principal.arn, permission, 'with an explicit deny in a resource-based policy', true);
    if (anonymous) {
      // Granted by the policy, or left to the ACL (authorization.ts).
      if (policy === 'allowed' && i === 0) grantedByPolicy = true;
      continue;
    }
    const sameAccount = !bucket || bucket.owner === principal.accountId;
    // From another account, what the identity allows may still be granted by the ACL (authorization.ts).
    const aclMayGrant = !sameAccount && identity === 'allowed';
    if (!aclMayGrant && combinedDecision(identity, policy, sameAccount) !== 'allowed')
      throw notAuthorized(principal.arn, permission, identityRefusal(identity, permission.action), true);
    if (!sameAccount && policy === 'allowed' && i === 0) grantedByPolicy = true;
  }
  return grantedByPolicy;
}
