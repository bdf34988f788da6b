import { randomBytes } from 'node:crypto';
import type { Credential } from '../sigv4/verify-sigv4.js';
import { BATCH_SESSION_NAME, type Principal } from './principal.js';

/** A role session's key: it signs as the assumed role; the token goes with it (AWS_SESSION_TOKEN). */
export type SessionCredential = Credential & { readonly principal: Principal; readonly sessionToken: string };

/**
 * Session keys of roles (decision 0022): a job's tasks, manifest reads and report writes are signed
 * with its role's session key, a function runs with its execution role's (session name: the
 * function's), and a request signed with one is that role session's.
 * Keys live in this process only (the engine and the workers it starts): a restart mints new ones.
 * A policy changed mid-job applies from the next request (the Authorizer's cache drops at each write).
 */
export class RoleSessions {
  private readonly byRole = new Map<string, SessionCredential>();
  private readonly byKey = new Map<string, SessionCredential>();

  /** The session key of a role, for one session name (Batch Operations', or a function's). */
  credentialFor(
    role: {
      readonly accountId: string;
      readonly name: string;
      readonly id: string;
      readonly arn: string;
    },
    sessionName = BATCH_SESSION_NAME,
  ): SessionCredential {
    const { accountId, name: roleName } = role;
    // The role's unique id too: a role created (or re-created) after a first ask gets its own session.
    const id = `${accountId}/${roleName.toLowerCase()}/${role.id}/${sessionName}`;
    let c = this.byRole.get(id);
    if (!c) {
      c = {
        accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: randomBytes(48).toString('base64'),
        accountId,
        principal: {
          kind: 'role',
          accountId,
          name: roleName,
          arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
          roleArn: role.arn,
          id: `${role.id}:${sessionName}`,
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
