import type { RoleRefusal } from '@batchops/engine';
import { cachedPolicy, type IamStore, type RoleRow } from './iam-store.js';
import { contextOf, trustsService } from './policy-evaluation.js';
import { BATCH_SERVICE_PRINCIPAL, parseRoleArn } from './principal.js';
import type { RoleSessions, SessionCredential } from './role-sessions.js';

/**
 * The role `roleArn` of `accountId` when `service` may assume it (it exists there and its trust
 * policy allows the service), else why not — for Batch Operations' jobs and Lambda's functions.
 */
export function assumableRole(
  store: IamStore,
  accountId: string,
  roleArn: string,
  service: string,
): { readonly role: RoleRow } | { readonly refusal: string } {
  const parsed = parseRoleArn(roleArn);
  const role = parsed?.accountId === accountId ? store.getRole(accountId, parsed.name) : undefined;
  if (!role || role.arn !== roleArn)
    return { refusal: `Unable to assume role ${roleArn}: the role does not exist in account ${accountId}` };
  const context = contextOf({ 'aws:SourceAccount': accountId });
  if (!trustsService(cachedPolicy(role.trustPolicy, 'trust'), service, context))
    return {
      refusal: `Unable to assume role ${roleArn}: its trust policy does not allow ${service} to assume it`,
    };
  return { role };
}

/**
 * Jobs run as their role (decision 0022): Batch Operations may assume a role of the job's account
 * that exists and trusts batchoperations.s3.amazonaws.com; the engine then signs with the role's
 * session key, so every task, manifest read and report write is checked against its policies.
 */
export class JobRoles {
  // The engine asks for every task: a role's session is looked up once (its policies are read per request).
  private readonly credentials = new Map<string, SessionCredential>();

  constructor(
    private readonly store: IamStore,
    private readonly sessions: RoleSessions,
  ) {}

  /** Why the role cannot be assumed for a job of `accountId`, or undefined when it can. */
  refusal(accountId: string, roleArn: string): RoleRefusal | undefined {
    const found = assumableRole(this.store, accountId, roleArn, BATCH_SERVICE_PRINCIPAL);
    return 'refusal' in found ? { code: 'AccessDenied', reason: found.refusal.slice(0, 256) } : undefined;
  }

  /**
   * The session key a job acts with. A role deleted since the job started still gets a session,
   * one with no policies: its requests are denied, as an expired or revoked session's are.
   */
  credential(accountId: string, roleArn: string): SessionCredential {
    const id = `${accountId} ${roleArn}`;
    const known = this.credentials.get(id);
    if (known) return known;
    const parsed = parseRoleArn(roleArn);
    const name = parsed?.name ?? 'unknown-role';
    const role = this.store.getRole(accountId, name);
    const credential = this.sessions.credentialFor(
      role ?? { accountId, name, id: 'AROAUNKNOWNROLE000000', arn: roleArn },
    );
    // A role missing now may be created later: only found roles are remembered.
    if (role) {
      if (this.credentials.size > 10_000) this.credentials.clear();
      this.credentials.set(id, credential);
    }
    return credential;
  }
}
