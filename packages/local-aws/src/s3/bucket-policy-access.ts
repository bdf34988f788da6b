import { cachedPolicy } from '../iam/iam-store.js';
import type { PolicyDocument, PrincipalBlock, Statement } from '../iam/policy-document.js';
import { contextOf, type Decision, type Evaluation, evaluate } from '../iam/policy-evaluation.js';
import type { Principal } from '../iam/principal.js';
import type { BucketRow } from '../store/s3-rows.js';
import { isPublicPolicy } from './bucket-policy-document.js';
import { type AccountPublicAccessBlocks, effectivePublicAccessBlock } from './public-access-block.js';
import { ownerOf } from './s3-context.js';

// What a bucket's policy says of one caller, action and resource (decision 0032): the one policy
// evaluator, its statements narrowed to those whose Principal names the caller.

/** Who a bucket policy is asked about: an account's root, user or role session, or nobody (unsigned). */
export interface PolicyCaller {
  /** Undefined for an anonymous request. */
  readonly accountId: string | undefined;
  readonly kind: 'root' | 'user' | 'role' | 'anonymous';
  /** The ARNs a Principal may name it by: a user's; a role's and its session's; the root's. */
  readonly arns: readonly string[];
}

export const ANONYMOUS: PolicyCaller = { accountId: undefined, kind: 'anonymous', arns: [] };

export function callerOf(p: Principal): PolicyCaller {
  if (p.kind === 'anonymous') return ANONYMOUS;
  if (p.kind === 'role') return { accountId: p.accountId, kind: 'role', arns: [p.roleArn, p.arn] };
  return { accountId: p.accountId, kind: p.kind, arns: [p.arn] };
}

/** A role or user named by its ARN (a replication rule's role), or an account's root. */
export function callerOfArn(accountId: string, arn: string | undefined): PolicyCaller {
  if (arn === undefined) return { accountId, kind: 'root', arns: [`arn:aws:iam::${accountId}:root`] };
  return { accountId, kind: arn.includes(':role/') ? 'role' : 'user', arns: [arn] };
}

const accountOf = (v: string) => v.match(/^(?:arn:aws:iam::)?(\d{12})(?::root)?$/)?.[1];

/**
 * Whether a Principal block names the caller. An account (`123456789012`, its root ARN) names its
 * root; it names the account's users and roles too where the account only delegates — a Deny, or
 * another account than the bucket's, whose own identity policies must then allow (IAM User Guide,
 * "AWS account principals").
 */
function names(
  block: PrincipalBlock,
  caller: PolicyCaller,
  effect: Statement['effect'],
  owner: string,
): boolean {
  if (block === '*') return true;
  for (const [kind, values] of Object.entries(block)) {
    for (const v of values) {
      if (kind === 'AWS') {
        if (v === '*') return true;
        const account = accountOf(v);
        if (account === undefined) {
          if (caller.arns.includes(v)) return true;
        } else if (
          account === caller.accountId &&
          (caller.kind === 'root' || effect === 'Deny' || account !== owner)
        )
          return true;
      } else if (kind === 'CanonicalUser' && caller.accountId !== undefined) {
        if (ownerOf(caller.accountId).id === v) return true;
      }
    }
  }
  return false;
}

export interface PolicyQuestion {
  readonly caller: PolicyCaller;
  readonly action: string;
  readonly resource: string;
  /** Condition keys of the request and the caller. */
  readonly context: Record<string, string | readonly string[] | undefined>;
}

/**
 * A resource policy's evaluation for one caller: its statements narrowed to those whose Principal
 * (or NotPrincipal, negated) names the caller; `owner` is the account that owns the resource.
 */
export function resourcePolicyEvaluation(
  document: PolicyDocument,
  owner: string,
  q: PolicyQuestion,
  id = 'BucketPolicy',
): Evaluation {
  const principal = (st: Statement) =>
    st.principal !== undefined
      ? names(st.principal, q.caller, st.effect, owner)
      : !names(st.notPrincipal ?? {}, q.caller, st.effect, owner);
  return evaluate([{ id, type: 'resource', document }], {
    action: q.action,
    resource: q.resource,
    context: contextOf(q.context),
    principal,
  });
}

/**
 * The identity policies' and the resource policy's decisions together (IAM User Guide, "Policy
 * evaluation logic"): an explicit Deny in either wins; in the resource's account either may allow;
 * from another account both must.
 */
export function combinedDecision(identity: Decision, resource: Decision, sameAccount: boolean): Decision {
  if (identity === 'explicitDeny' || resource === 'explicitDeny') return 'explicitDeny';
  if (resource === 'allowed' && (sameAccount || identity === 'allowed')) return 'allowed';
  return identity === 'allowed' && sameAccount ? 'allowed' : 'implicitDeny';
}

/**
 * The bucket policy's decision. Under RestrictPublicBuckets a public policy grants only callers of
 * the bucket's own account (S3 Block Public Access).
 */
export function bucketPolicyDecision(
  bucket: BucketRow,
  q: PolicyQuestion,
  accounts: AccountPublicAccessBlocks | undefined,
): Decision {
  const text = bucket.config.policy as string | undefined;
  if (text === undefined) return 'implicitDeny';
  const document = cachedPolicy(text, 'resource');
  const { decision } = resourcePolicyEvaluation(document, bucket.owner, q);
  if (
    decision === 'allowed' &&
    q.caller.accountId !== bucket.owner &&
    effectivePublicAccessBlock(bucket, accounts).RestrictPublicBuckets &&
    isPublicPolicy(document)
  )
    return 'implicitDeny';
  return decision;
}
