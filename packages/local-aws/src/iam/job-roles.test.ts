import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IamStore } from './iam-store.js';
import { assumableRole, JobRoles } from './job-roles.js';
import { BATCH_SERVICE_PRINCIPAL } from './principal.js';
import { RoleSessions } from './role-sessions.js';

// Which role a job (or a function) may act as: the role must exist in the job's own account and its
// trust policy must allow the service, with aws:SourceAccount set to that account.

const ACCOUNT = '111122223333';
const dir = mkdtempSync(join(tmpdir(), 'job-roles-'));
const store = new IamStore(join(dir, 'iam.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const trustOf = (statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
  });
const batch = { Principal: { Service: BATCH_SERVICE_PRINCIPAL } };
const role = (name: string, trust: Record<string, unknown>, path = '/') =>
  store.createRole({ accountId: ACCOUNT, name, path, trustPolicy: trustOf(trust), created: 0 });

const trusted = role('trusted', batch);
const pathed = role('pathed', batch, '/service-role/');
const lambdaOnly = role('lambda-only', { Principal: { Service: 'lambda.amazonaws.com' } });
const ownAccountOnly = role('own-account-only', {
  ...batch,
  Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
});
const otherAccountOnly = role('other-account-only', {
  ...batch,
  Condition: { StringEquals: { 'aws:SourceAccount': '444455556666' } },
});

const refusalOf = (arn: string, accountId = ACCOUNT, service = BATCH_SERVICE_PRINCIPAL) => {
  const found = assumableRole(store, accountId, arn, service);
  return 'refusal' in found ? found.refusal : `role ${found.role.name}`;
};

describe('assumableRole', () => {
  it('gives the role when it exists in the account and trusts the service', () => {
    expect(refusalOf(trusted.arn)).toBe('role trusted');
    expect(refusalOf(pathed.arn)).toBe('role pathed');
    expect(refusalOf(lambdaOnly.arn, ACCOUNT, 'lambda.amazonaws.com')).toBe('role lambda-only');
  });

  it('refuses a role of another account, a missing role, an ARN with the wrong path, and no ARN', () => {
    const missing = (arn: string, accountId = ACCOUNT) =>
      `Unable to assume role ${arn}: the role does not exist in account ${accountId}`;
    expect(refusalOf(trusted.arn, '444455556666')).toBe(missing(trusted.arn, '444455556666'));
    const ghost = `arn:aws:iam::${ACCOUNT}:role/ghost`;
    expect(refusalOf(ghost)).toBe(missing(ghost));
    const wrongPath = `arn:aws:iam::${ACCOUNT}:role/other/pathed`;
    expect(refusalOf(wrongPath)).toBe(missing(wrongPath));
    expect(refusalOf('')).toBe(missing(''));
  });

  it('refuses when the trust policy does not allow the service, or only for another source account', () => {
    const untrusted = (arn: string) =>
      `Unable to assume role ${arn}: its trust policy does not allow ${BATCH_SERVICE_PRINCIPAL} to assume it`;
    expect(refusalOf(lambdaOnly.arn)).toBe(untrusted(lambdaOnly.arn));
    expect(refusalOf(ownAccountOnly.arn)).toBe('role own-account-only');
    expect(refusalOf(otherAccountOnly.arn)).toBe(untrusted(otherAccountOnly.arn));
  });
});

describe('JobRoles', () => {
  const roles = new JobRoles(store, new RoleSessions());

  it('refuses with AccessDenied and a reason S3 Control can carry (≤ 256 characters)', () => {
    expect(roles.refusal(ACCOUNT, trusted.arn)).toBeUndefined();
    expect(roles.refusal(ACCOUNT, lambdaOnly.arn)).toEqual({
      code: 'AccessDenied',
      reason: `Unable to assume role ${lambdaOnly.arn}: its trust policy does not allow ${BATCH_SERVICE_PRINCIPAL} to assume it`,
    });
    const long = `arn:aws:iam::${ACCOUNT}:role/${'x'.repeat(300)}`;
    expect(roles.refusal(ACCOUNT, long)?.reason).toHaveLength(256);
  });

  it("signs as the role's Batch Operations session, the same key each time", () => {
    const first = roles.credential(ACCOUNT, trusted.arn);
    expect(first.principal).toMatchObject({
      kind: 'role',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/trusted/s3-batch-operations`,
      roleArn: trusted.arn,
      id: `${trusted.id}:s3-batch-operations`,
    });
    expect(roles.credential(ACCOUNT, trusted.arn)).toBe(first);
  });

  it('looks a found role session up once, and an unknown role each time (it may be created later)', () => {
    let lookups = 0;
    const sessions = new RoleSessions();
    const counting = Object.assign(Object.create(sessions) as RoleSessions, {
      credentialFor: (...args: Parameters<RoleSessions['credentialFor']>) => {
        lookups++;
        return sessions.credentialFor(...args);
      },
    });
    const fresh = new JobRoles(store, counting);
    for (const arn of [trusted.arn, pathed.arn, trusted.arn, pathed.arn]) fresh.credential(ACCOUNT, arn);
    expect(lookups).toBe(2);
    fresh.credential(ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/ghost`);
    fresh.credential(ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/ghost`);
    expect(lookups).toBe(4);
  });

  it('gives a role created after a job first asked for it its own session, not the unknown one', () => {
    const fresh = new JobRoles(store, new RoleSessions());
    const arn = `arn:aws:iam::${ACCOUNT}:role/late`;
    const before = fresh.credential(ACCOUNT, arn);
    const late = role('late', batch);
    const after = fresh.credential(ACCOUNT, arn);
    expect(after.principal.id).toBe(`${late.id}:s3-batch-operations`);
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
  });

  it('gives an unknown role a session with no policies (its requests are denied)', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/ghost`;
    expect(roles.credential(ACCOUNT, arn).principal).toMatchObject({
      kind: 'role',
      roleArn: arn,
      id: 'AROAUNKNOWNROLE000000:s3-batch-operations',
    });
    expect(roles.credential(ACCOUNT, 'not-an-arn').principal).toMatchObject({
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/unknown-role/s3-batch-operations`,
    });
  });
});
