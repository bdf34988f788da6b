import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Authorizer } from './authorizer.js';
import { IamStore } from './iam-store.js';
import type { Principal } from './principal.js';

// The Authorizer keeps each principal's parsed inline policies between requests: every IAM write
// that changes them must show in the very next evaluation.

const ACCOUNT = '111122223333';
const dir = mkdtempSync(join(tmpdir(), 'authorizer-'));
const store = new IamStore(join(dir, 'iam.db'));
const authorizer = new Authorizer(store);
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const READ = { action: 's3:GetObject', resource: 'arn:aws:s3:::photos/a.jpg' };
const policy = (effect: 'Allow' | 'Deny') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: effect, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }],
  });
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const kinds = {
  user: {
    create: (name: string) => store.createUser({ accountId: ACCOUNT, name, path: '/', created: 0 }),
    remove: (name: string) => store.deleteUser(ACCOUNT, name),
    principal: (name: string): Principal => ({
      kind: 'user',
      accountId: ACCOUNT,
      name,
      arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
      id: 'AIDAEXAMPLE',
    }),
  },
  role: {
    create: (name: string) =>
      store.createRole({ accountId: ACCOUNT, name, path: '/', trustPolicy: TRUST, created: 0 }),
    remove: (name: string) => store.deleteRole(ACCOUNT, name),
    principal: (name: string): Principal => ({
      kind: 'role',
      accountId: ACCOUNT,
      name,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${name}/session`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      id: 'AROAEXAMPLE:session',
    }),
  },
} as const;

describe.each(Object.keys(kinds) as Array<keyof typeof kinds>)('a %s’s cached inline policies', (kind) => {
  const k = kinds[kind];
  const name = `${kind}-cached`;
  const decision = (as = name) => authorizer.evaluate(k.principal(as), READ).decision;

  it('follow every put and delete of a policy from the next evaluation', () => {
    k.create(name);
    expect(decision()).toBe('implicitDeny');
    store.putPolicy(ACCOUNT, kind, name, 'read', policy('Allow'));
    expect(decision()).toBe('allowed');
    // The same policy name, replaced.
    store.putPolicy(ACCOUNT, kind, name, 'read', policy('Deny'));
    expect(decision()).toBe('explicitDeny');
    store.putPolicy(ACCOUNT, kind, name, 'read', policy('Allow'));
    store.putPolicy(ACCOUNT, kind, name, 'deny', policy('Deny'));
    expect(decision()).toBe('explicitDeny');
    store.deletePolicy(ACCOUNT, kind, name, 'deny');
    expect(decision()).toBe('allowed');
    // Names are case-insensitive, as the store keeps them.
    expect(decision(name.toUpperCase())).toBe('allowed');
    store.deletePolicy(ACCOUNT, kind, name, 'read');
    expect(decision()).toBe('implicitDeny');
    expect(decision(name.toUpperCase())).toBe('implicitDeny');
  });

  it('start empty for a new principal of a deleted one’s name', () => {
    const reused = `${kind}-reused`;
    k.create(reused);
    store.putPolicy(ACCOUNT, kind, reused, 'read', policy('Allow'));
    expect(decision(reused)).toBe('allowed');
    store.deletePolicy(ACCOUNT, kind, reused, 'read');
    k.remove(reused);
    k.create(reused);
    expect(decision(reused)).toBe('implicitDeny');
  });
});
