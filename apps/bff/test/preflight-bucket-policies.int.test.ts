import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type JobWizardInput, PreflightResponse } from '@batchops/contracts';
import { type LocalAwsHandle, startLocalAws, TEST_ROLE, TEST_ROLE_ARN } from '@batchops/local-aws';
import { BATCH_OPERATIONS_TRUST, iamClientFor, policyDocument, s3ClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningConsole, startConsole } from '../src/server.js';

// Pre-flight simulates bucket policies with the role's (issue 24 §1, decision 0032): it reads each
// bucket's policy with GetBucketPolicy and asks SimulatePrincipalPolicy with it as ResourcePolicy.
// The console (account C) runs in aws mode against a local-aws that also holds account O.

const C = '000000000000';
const O = '111111111111';
const O_KEYS = { accessKeyId: 'other', secretAccessKey: 'other-secret' };
const NARROW_ROLE = `arn:aws:iam::${C}:role/pf-narrow`;

let dir: string;
let aws: LocalAwsHandle;
let bff: RunningConsole;
let c: S3Client;
let o: S3Client;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-pf-'));
  aws = await startLocalAws({
    port: 0,
    dataDir: join(dir, 'aws'),
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test', accountId: C },
      { ...O_KEYS, accountId: O },
    ],
    roles: [TEST_ROLE],
  });
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  bff = await startConsole(
    loadConfig({
      BATCHOPS_MODE: 'aws',
      BATCHOPS_PORT: '0',
      AWS_REGION: 'us-east-1',
      BATCHOPS_ACCOUNT_ID: C,
      BATCHOPS_ENDPOINT: aws.url,
      BATCHOPS_WEB_DIR: dir,
    }),
    () => {},
  );
  c = s3ClientFor(aws.url);
  o = s3ClientFor(aws.url, O_KEYS);
  // A role that trusts Batch Operations and has no permission policy of its own.
  await iamClientFor(aws.url).send(
    new CreateRoleCommand({ RoleName: 'pf-narrow', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST }),
  );
  for (const [client, bucket] of [
    [c, 'pf-own'],
    [c, 'pf-reports'],
    [o, 'pf-other'],
  ] as const) {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const Key of ['one', 'two'])
      await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }));
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'manifest.csv', Body: `${bucket},one\n${bucket},two\n` }),
    );
  }
});
afterAll(async () => {
  await bff?.close();
  await aws?.close();
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  rmSync(dir, { recursive: true, force: true });
});

const statement = (Effect: string, principal: string, Action: string | string[], bucket: string) => ({
  Effect,
  Principal: { AWS: principal },
  Action,
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
});
const putPolicy = (client: S3Client, Bucket: string, ...Statement: object[]) =>
  client.send(new PutBucketPolicyCommand({ Bucket, Policy: policyDocument(...Statement) }));

let token = 0;
async function rolePermissions(bucket: string, roleArn: string) {
  const model: JobWizardInput = {
    manifest: { format: 'csv', bucket, key: 'manifest.csv' },
    operation: { type: 'tagging', tags: [{ key: 'by', value: 'preflight' }] },
    description: 'pre-flight over bucket policies',
    priority: 10,
    report: { enabled: true, bucket: 'pf-reports', prefix: 'r', scope: 'AllTasks' },
    roleArn,
    tags: [],
    runOption: 'wait',
    clientRequestToken: `pf-${++token}`,
  };
  const res = await fetch(`http://127.0.0.1:${bff.port}/api/jobs/preflight`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(model),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  const r = PreflightResponse.parse(body);
  return r.checks.find((x) => x.id === 'role-permissions');
}

describe("pre-flight over buckets of the console's account", () => {
  it("fails a role that the bucket's policy denies, and passes it again without the policy", async () => {
    expect((await rolePermissions('pf-own', TEST_ROLE_ARN))?.status).toBe('pass');
    await putPolicy(c, 'pf-own', statement('Deny', TEST_ROLE_ARN, 's3:PutObjectTagging', 'pf-own'));
    const denied = await rolePermissions('pf-own', TEST_ROLE_ARN);
    expect(denied?.status).toBe('fail');
    expect(denied?.missing?.map((m) => [m.action, m.resource, m.decision])).toEqual([
      ['s3:PutObjectTagging', 'arn:aws:s3:::pf-own/one', 'explicitDeny'],
    ]);
    await c.send(new DeleteBucketPolicyCommand({ Bucket: 'pf-own' }));
    expect((await rolePermissions('pf-own', TEST_ROLE_ARN))?.status).toBe('pass');
  });

  it("passes a role without policies of its own once the buckets' policies allow it", async () => {
    const before = await rolePermissions('pf-own', NARROW_ROLE);
    expect(before?.status).toBe('fail');
    await putPolicy(c, 'pf-own', statement('Allow', NARROW_ROLE, 's3:*', 'pf-own'));
    await putPolicy(c, 'pf-reports', statement('Allow', NARROW_ROLE, 's3:*', 'pf-reports'));
    const after = await rolePermissions('pf-own', NARROW_ROLE);
    expect(after?.status, after?.message).toBe('pass');
    await c.send(new DeleteBucketPolicyCommand({ Bucket: 'pf-reports' }));
    const reportOnly = await rolePermissions('pf-own', NARROW_ROLE);
    expect(reportOnly?.status).toBe('fail');
    expect(new Set(reportOnly?.missing?.map((m) => m.resource.split('/')[0]))).toEqual(
      new Set(['arn:aws:s3:::pf-reports']),
    );
    await c.send(new DeleteBucketPolicyCommand({ Bucket: 'pf-own' }));
  });
});

describe("pre-flight over another account's bucket", () => {
  it('does not pass the job: the bucket policy cannot be read, and pre-flight says what it must allow', async () => {
    // O lets account C read (so the console can read the manifest); C's role is not named.
    await putPolicy(o, 'pf-other', statement('Allow', C, ['s3:GetObject', 's3:ListBucket'], 'pf-other'));
    const r = await rolePermissions('pf-other', TEST_ROLE_ARN);
    expect(r?.status).toBe('warn');
    expect(r?.message).toContain(`the policy of s3://pf-other could not be read (AccessDenied`);
    expect(r?.message).toContain(`its policy must allow ${TEST_ROLE_ARN} s3:PutObjectTagging, s3:GetObject.`);
  });
});
