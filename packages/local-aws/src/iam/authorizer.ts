import { ServiceError } from '../errors/service-error.js';
import { cachedPolicy, type IamStore } from './iam-store.js';
import {
  contextOf,
  type Evaluation,
  evaluate,
  type NamedPolicy,
  type RequestContext,
} from './policy-evaluation.js';
import type { Principal } from './principal.js';

/** One permission a request needs: an action on a resource, with the request's condition keys. */
export interface Permission {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string | readonly string[] | undefined>;
}

/** The principal's own condition keys (aws:PrincipalArn, aws:PrincipalAccount…); none for the root. */
export function principalContext(principal: Principal): Record<string, string | undefined> {
  if (principal.kind === 'anonymous') return {};
  return {
    'aws:PrincipalArn': principal.kind === 'role' ? principal.roleArn : principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalType':
      principal.kind === 'role' ? 'AssumedRole' : principal.kind === 'user' ? 'User' : 'Account',
    'aws:userid': principal.id,
    ...(principal.kind === 'user' ? { 'aws:username': principal.name } : {}),
  };
}

/** AWS's AccessDenied: `User: <arn> is not authorized to perform: <action> on resource: <arn> <why>`. */
export function notAuthorized(principalArn: string, permission: Permission, why: string, quote: boolean) {
  const resource = quote ? `"${permission.resource}"` : permission.resource;
  return new ServiceError(
    403,
    'AccessDenied',
    `User: ${principalArn} is not authorized to perform: ${permission.action} on resource: ${resource} ${why}`,
  );
}

/** The why of a refusal by identity-based policies. */
export const identityRefusal = (decision: Evaluation['decision'], action: string) =>
  decision === 'explicitDeny'
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;

/**
 * The identity-based check of every request (decision 0022): the account's root may do anything;
 * an IAM user or a role session needs an Allow in its inline policies and no Deny.
 */
export class Authorizer {
  /** Parsed inline policies per principal, dropped whole at any policy write (`policyGeneration`). */
  private readonly policies = new Map<string, readonly NamedPolicy[]>();
  private generation = -1;

  constructor(private readonly iam: IamStore) {}

  /** The inline policies of a user or role (a role deleted mid-job has none). */
  policiesOf(kind: 'user' | 'role', accountId: string, name: string): readonly NamedPolicy[] {
    if (this.generation !== this.iam.policyGeneration) {
      this.policies.clear();
      this.generation = this.iam.policyGeneration;
    }
    // Principal names are case-insensitive in the store (COLLATE NOCASE).
    const id = `${kind}\0${accountId}\0${name.toLowerCase()}`;
    let named = this.policies.get(id);
    if (named === undefined) {
      named = this.iam.listPolicies(accountId, kind, name).map((p) => ({
        id: p.name,
        type: kind,
        document: cachedPolicy(p.document, 'identity'),
      }));
      if (this.policies.size > 10_000) this.policies.clear();
      this.policies.set(id, named);
    }
    return named;
  }

  evaluate(principal: Principal, permission: Permission): Evaluation {
    if (principal.kind === 'root') return { decision: 'allowed', matched: [], missingContextValues: [] };
    // Nobody signed: no identity, so no identity-based policy.
    if (principal.kind === 'anonymous')
      return { decision: 'implicitDeny', matched: [], missingContextValues: [] };
    const context: RequestContext = contextOf({ ...principalContext(principal), ...permission.context });
    return evaluate(this.policiesOf(principal.kind, principal.accountId, principal.name), {
      action: permission.action,
      resource: permission.resource,
      context,
    });
  }

  /** Throw AccessDenied (403) worded as AWS words it, unless every permission is allowed. */
  check(principal: Principal, permissions: readonly Permission[], quoteResource = false): void {
    for (const permission of permissions) {
      const result = this.evaluate(principal, permission);
      if (result.decision === 'allowed') continue;
      throw notAuthorized(
        principal.arn,
        permission,
        identityRefusal(result.decision, permission.action),
        quoteResource,
      );
    }
  }
}
