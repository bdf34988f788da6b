import type { IamStore } from '../iam/iam-store.js';
import { assumableRole } from '../iam/job-roles.js';
import type { RoleSessions, SessionCredential } from '../iam/role-sessions.js';

/** The service principal a function's execution role must trust, as on AWS. */
export const LAMBDA_SERVICE_PRINCIPAL = 'lambda.amazonaws.com';

/**
 * Functions run as their execution role (decision 0021): Lambda may assume a role of the
 * function's account that exists and trusts lambda.amazonaws.com; the function then gets that
 * role's session key (session name: the function's), never the account's root key.
 */
export class FunctionRoles {
  constructor(
    private readonly store: IamStore,
    private readonly sessions: RoleSessions,
  ) {}

  /** The session a function's code gets, or undefined when Lambda cannot assume its role. */
  credential(fn: {
    readonly accountId: string;
    readonly name: string;
    readonly role: string;
  }): SessionCredential | undefined {
    const found = assumableRole(this.store, fn.accountId, fn.role, LAMBDA_SERVICE_PRINCIPAL);
    return 'role' in found ? this.sessions.credentialFor(found.role, fn.name) : undefined;
  }
}
