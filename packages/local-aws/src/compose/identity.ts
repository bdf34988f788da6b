import { join } from 'node:path';
import { Authorizer } from '../iam/authorizer.js';
import { IamStore } from '../iam/iam-store.js';
import { JobRoles } from '../iam/job-roles.js';
import { type RoleSeed, seedRoles } from '../iam/role-seeds.js';
import { RoleSessions } from '../iam/role-sessions.js';
import type { Credential } from '../sigv4/verify-sigv4.js';

/** IAM and STS: the store, the policy checks, role sessions and the keys besides the roots'. */
export interface Identity {
  readonly iam: IamStore;
  readonly authorizer: Authorizer;
  readonly sessions: RoleSessions;
  readonly jobRoles: JobRoles;
  /** Role sessions (the engine, functions), then IAM users' active access keys. */
  readonly lookupKey: (accessKeyId: string) => Credential | undefined;
}

/** Open `<dataDir>/iam.sqlite` and create the `roles` that are missing. */
export function createIdentity(
  dataDir: string,
  roles: readonly RoleSeed[],
  defaultAccount: string,
  now: Date,
): Identity {
  const iam = new IamStore(join(dataDir, 'iam.sqlite'));
  const sessions = new RoleSessions();
  seedRoles(iam, roles, defaultAccount, now);
  const lookupKey = (accessKeyId: string): Credential | undefined => {
    const session = sessions.lookup(accessKeyId);
    if (session) return session;
    const key = iam.accessKey(accessKeyId);
    if (key?.status !== 'Active') return undefined;
    const user = iam.getUser(key.accountId, key.userName);
    if (!user) return undefined;
    return {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      accountId: key.accountId,
      principal: { kind: 'user', accountId: key.accountId, name: user.name, arn: user.arn, id: user.id },
    };
  };
  return { iam, authorizer: new Authorizer(iam), sessions, jobRoles: new JobRoles(iam, sessions), lookupKey };
}
