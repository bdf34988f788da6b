import { randomBytes } from 'node:crypto';
import type { Credential } from '../sigv4/verify-sigv4.js';
import { BATCH_SESSION_NAME } from './principal.js';

/**
 * Session keys of roles, for the engine (decision 0022): a job's tasks, manifest reads and report
 * writes are signed with its role's session key, and a request signed with it is that role's.
 * Keys live in this process only (the engine is in the same process): a restart mints new ones.
 * Which policies apply is read at each request, so a policy changed mid-job applies at once.
 */
export class RoleSessions {
  private readonly byRole = new Map<string, Credential>();
  private readonly byKey = new Map<string, Credential>();

  /** The session key of a role. */
  credentialFor(role: {
    readonly accountId: string;
    readonly name: string;
    readonly id: string;
    readonly arn: string;
  }): Credential {
    const { accountId, name: roleName } = role;
    const id = `${accountId}/${roleName.toLowerCase()}`;
    let c = this.byRole.get(id);
    if (!c) {
      c = {
        accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
        secretAccessKey: randomBytes(30).toString('base64'),
        accountId,
        principal: {
          kind: 'role',
          accountId,
          name: roleName,
          arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${BATCH_SESSION_NAME}`,
          roleArn: role.arn,
          id: `${role.id}:${BATCH_SESSION_NAME}`,
        },
      };
      this.byRole.set(id, c);
      this.byKey.set(c.accessKeyId, c);
    }
    return c;
  }

  lookup(accessKeyId: string): Credential | undefined {
    return this.byKey.get(accessKeyId);
  }
}
