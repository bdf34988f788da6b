import type { RoleRefusal } from '@batchops/engine';
import type { Credential } from '../sigv4/verify-sigv4.js';
import { cachedPolicy, type IamStore } from './iam-store.js';
import { contextOf, trustsService } from './policy-evaluation.js';
import { BATCH_SERVICE_PRINCIPAL, parseRoleArn } from './principal.js';
import type { RoleSessions } from './role-sessions.js';

/**
 * Jobs run as their role (decision 0022): Batch Operations may assume a role of the job's account
 * that exists and trusts batchoperations.s3.amazonaws.com; the engine then signs with the role's
 * session key, so every task, manifest read and report write is checked against its policies.
 */
export class JobRoles {
  // The engine asks for every task: a role's session is looked up once (its policies are read per request).
  private readonly credentials = new Map<string, Credential>();

  constructor(
    private readonly store: IamStore,
    private readonly sessions: RoleSessions,
  ) {}

  /** Why the role cannot be assumed for a job of `accountId`, or undefined when it can. */
  refusal(accountId: string, roleArn: string): RoleRefusal | undefined {
    const parsed = parseRoleArn(roleArn);
    const role = parsed?.accountId === accountId ? this.store.getRole(accountId, parsed.name) : undefined;
    if (!role || role.arn !== roleArn)
      return {
        code: 'AccessDenied',
        reason: `Unable to assume role ${roleArn}: the role does not exist in account ${accountId}`.slice(
          0,
          256,
        ),
      };
    const context = contextOf({ 'aws:SourceAccount': accountId });
    if (!trustsService(cachedPolicy(role.trustPolicy, 'trust'), BATCH_SERVICE_PRINCIPAL, context))
      return {
        code: 'AccessDenied',
        reason:
          `Unable to assume role ${roleArn}: its trust policy does not allow ${BATCH_SERVICE_PRINCIPAL} to assume it`.slice(
            0,
            256,
          ),
      };
    return undefined;
  }

  /**
   * The session key a job acts with. A role deleted since the job started still gets a session,
   * one with no policies: its requests are denied, as an expired or revoked session's are.
   */
  credential(accountId: string, roleArn: string): Credential {
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
