import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, HeadObjectCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import {
  ApiError,
  CreateRoleFromTemplateResponse,
  JobDetails,
  JobReport,
  type JobWizardInput,
  ListRolesResponse,
  PreflightResponse,
  RoleDetails,
  RoleTemplateResponse,
} from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

const SOURCE = 'batchops-demo-source';
const REPORTS = 'batchops-demo-reports';
const MANIFEST = 'manifests/demo-manifest.csv';
const ACCOUNT = '000000000000';
const DEMO_ROLE = `arn:aws:iam::${ACCOUNT}:role/batchops-demo`;
/** Seeded beside the demo role: batchops-demo-readonly: everything the demo job needs but s3:PutObjectTagging. */
const NARROW_ROLE = `arn:aws:iam::${ACCOUNT}:role/batchops-demo-readonly`;

let c: ConsoleFixture;
let iam: ConsoleFixture['iam'];
let token = 0;

beforeAll(async () => {
  c = await startConsoleFixture(true);
  ({ iam } = c);
}, 60_000);
afterAll(() => c.close());

/** The job part of a wizard model: a tagging job over the demo manifest. */
const job: Pick<JobWizardInput, 'manifest' | 'operation' | 'report'> = {
  manifest: { format: 'csv', bucket: SOURCE, key: MANIFEST },
  operation: { type: 'tagging', tags: [{ key: 'checked', value: 'yes' }] },
  report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
};

function wizard(roleArn: string, over: Partial<JobWizardInput> = {}): JobWizardInput {
  return {
    ...job,
    priority: 10,
    roleArn,
    tags: [],
    runOption: 'auto',
    clientRequestToken: `roles-${Date.now()}-${++token}`,
    ...over,
  };
}

async function preflight(roleArn: string) {
  const { status, body } = await c.json('POST', '/api/jobs/preflight', wizard(roleArn));
  expect(status, JSON.stringify(body)).toBe(200);
  const r = PreflightResponse.parse(body);
  return { ...r, byId: Object.fromEntries(r.checks.map((x) => [x.id, x])) };
}

async function runToEnd(roleArn: string): Promise<JobDetails> {
  const created = await c.json('POST', '/api/jobs', wizard(roleArn));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const d = JobDetails.parse((await c.json('GET', `/api/jobs/${created.body.jobId}`)).body);
    if (['Complete', 'Failed', 'Cancelled'].includes(d.status)) return d;
    if (Date.now() > deadline) throw new Error(`job ${d.jobId} still ${d.status}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

describe('roles', () => {
  it('lists the account roles, marking those Batch Operations may assume, page by page', async () => {
    const all = ListRolesResponse.parse((await c.json('GET', '/api/roles')).body);
    const demo = all.roles.find((r) => r.arn === DEMO_ROLE);
    expect(demo).toMatchObject({ name: 'batchops-demo', trustsBatchOperations: true });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'lambda-only',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const first = ListRolesResponse.parse((await c.json('GET', '/api/roles?maxItems=1')).body);
    expect(first.roles).toHaveLength(1);
    expect(first.nextMarker).not.toBeNull();
    const names: string[] = [];
    let marker: string | null = null;
    do {
      const q: string = marker ? `?maxItems=1&marker=${encodeURIComponent(marker)}` : '?maxItems=1';
      const page = ListRolesResponse.parse((await c.json('GET', `/api/roles${q}`)).body);
      names.push(...page.roles.map((r) => r.name));
      marker = page.nextMarker;
    } while (marker);
    expect(names).toContain('lambda-only');
    expect(names).toContain('batchops-demo');
    const again = ListRolesResponse.parse((await c.json('GET', '/api/roles')).body);
    expect(again.roles.find((r) => r.name === 'lambda-only')?.trustsBatchOperations).toBe(false);

    const bad = await c.json('GET', '/api/roles?maxItems=0');
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.body).fieldErrors[0]?.field).toBe('maxItems');
  });

  it("shows a role's trust policy and inline policies with their documents", async () => {
    const { status, body } = await c.json('GET', '/api/roles/batchops-demo');
    expect(status).toBe(200);
    const role = RoleDetails.parse(body);
    expect(role.arn).toBe(DEMO_ROLE);
    expect(JSON.stringify(role.trustPolicy)).toContain('batchoperations.s3.amazonaws.com');
    expect(role.inlinePolicies.length).toBeGreaterThan(0);
    expect(role.inlinePolicies.every((p) => p.document !== null)).toBe(true);

    const missing = await c.json('GET', '/api/roles/no-such-role');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toMatch(/NoSuchEntity/);
    expect((await c.json('GET', '/api/roles/bad%20name')).status).toBe(400);
  });
});

describe('role template', () => {
  it("gives the trust policy and the job's least-privilege policy without creating anything", async () => {
    const before = ListRolesResponse.parse((await c.json('GET', '/api/roles')).body).roles.length;
    const { status, body } = await c.json('POST', '/api/jobs/role-template', job);
    expect(status, JSON.stringify(body)).toBe(200);
    const t = RoleTemplateResponse.parse(body);
    expect(t.sourceBuckets).toEqual([SOURCE]);
    expect(t.permissionPolicy.Statement).toEqual([
      {
        Sid: 'BatchOperationObjects',
        Effect: 'Allow',
        Action: ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        Resource: `arn:aws:s3:::${SOURCE}/*`,
      },
      {
        Sid: 'ManifestRead',
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: `arn:aws:s3:::${SOURCE}/${MANIFEST}`,
      },
      {
        Sid: 'ReportWrite',
        Effect: 'Allow',
        Action: ['s3:PutObject'],
        Resource: `arn:aws:s3:::${REPORTS}/reports/*`,
      },
      {
        Sid: 'ReportBucket',
        Effect: 'Allow',
        Action: ['s3:GetBucketLocation'],
        Resource: `arn:aws:s3:::${REPORTS}`,
      },
    ]);
    expect(JSON.stringify(t.trustPolicy)).toContain('batchoperations.s3.amazonaws.com');
    expect(ListRolesResponse.parse((await c.json('GET', '/api/roles')).body).roles).toHaveLength(before);

    const invalid = await c.json('POST', '/api/jobs/role-template', { ...job, manifest: { format: 'csv' } });
    expect(invalid.status).toBe(400);
  });

  it('creates the role in one call, and refuses a name that exists with a field error', async () => {
    const created = await c.json('POST', '/api/roles/from-template', {
      roleName: 'tagging-from-template',
      job,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { role, policyName } = CreateRoleFromTemplateResponse.parse(created.body);
    expect(role).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:role/tagging-from-template`,
      trustsBatchOperations: true,
    });
    expect(role.inlinePolicies).toEqual([
      { name: policyName, document: expect.objectContaining({ Version: '2012-10-17' }) },
    ]);
    expect(JSON.stringify(role.inlinePolicies[0]?.document)).toContain('s3:PutObjectTagging');

    const again = await c.json('POST', '/api/roles/from-template', {
      roleName: 'tagging-from-template',
      job,
    });
    expect(again.status).toBe(409);
    expect(ApiError.parse(again.body)).toMatchObject({
      code: 'EntityAlreadyExists',
      fieldErrors: [{ field: 'roleName', message: expect.stringContaining('exists') }],
    });
    const badName = await c.json('POST', '/api/roles/from-template', { roleName: 'no spaces', job });
    expect(badName.status).toBe(400);
    expect(ApiError.parse(badName.body).fieldErrors[0]?.field).toBe('roleName');
  });
});

describe('pre-flight role checks against local-aws', () => {
  it('the demo role passes; the narrow role is named missing s3:PutObjectTagging on the demo objects', async () => {
    const demo = await preflight(DEMO_ROLE);
    expect(demo.byId['role-arn']?.status).toBe('pass');
    expect(demo.byId['role-permissions']?.status).toBe('pass');

    const narrow = await preflight(NARROW_ROLE);
    expect(narrow.ok).toBe(false);
    expect(narrow.byId['role-arn']?.status).toBe('pass');
    const perms = narrow.byId['role-permissions'];
    expect(perms?.status).toBe('fail');
    expect(perms?.missing?.map((m) => m.action)).toEqual(['s3:PutObjectTagging']);
    expect(perms?.missing?.[0]).toMatchObject({
      purpose: 'operation',
      resource: expect.stringMatching(/^arn:aws:s3:::batchops-demo-source\//),
    });
    expect(perms?.message).toContain('s3:PutObjectTagging on arn:aws:s3:::batchops-demo-source/');
  });

  it('a role that does not exist, and one Batch Operations may not assume, fail before the job exists', async () => {
    const gone = await preflight(`arn:aws:iam::${ACCOUNT}:role/never-created`);
    expect(gone.byId['role-arn']).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('does not exist'),
    });
    expect(gone.byId['role-permissions']?.status).toBe('warn');
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'ec2-only',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const untrusted = await preflight(`arn:aws:iam::${ACCOUNT}:role/ec2-only`);
    expect(untrusted.byId['role-arn']).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('does not trust batchoperations.s3.amazonaws.com'),
    });
  });

  it("the narrow role's job fails its tasks with AccessDenied grouped by action; a template role's job succeeds", async () => {
    const failed = await runToEnd(NARROW_ROLE);
    expect(failed.progress.failed).toBe(540);
    const report = JobReport.parse((await c.json('GET', `/api/jobs/${failed.jobId}/report`)).body);
    expect(report.deniedActions).toEqual([
      { action: 's3:PutObjectTagging', count: 540, exampleResource: expect.stringContaining(SOURCE) },
    ]);

    const made = await c.json('POST', '/api/roles/from-template', { roleName: 'demo-tagging', job });
    expect(made.status).toBe(201);
    const role = CreateRoleFromTemplateResponse.parse(made.body).role.arn;
    expect((await preflight(role)).byId['role-permissions']?.status).toBe('pass');
    const ok = await runToEnd(role);
    expect(ok.status).toBe('Complete');
    expect(ok.progress).toMatchObject({ succeeded: 540, failed: 0 });
  }, 120_000);
});

describe('the demo role', () => {
  it('passes pre-flight for every operation over the demo manifest', async () => {
    const operations: JobWizardInput['operation'][] = [
      { type: 'copy', targetBucket: REPORTS, targetKeyPrefix: 'copies' },
      { type: 'tagging', tags: [{ key: 'k', value: 'v' }] },
      { type: 'deleteTagging' },
      { type: 'acl', cannedAcl: 'private' },
      { type: 'restore', expirationInDays: 1, glacierJobTier: 'STANDARD' },
      {
        type: 'lambda',
        functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:any`,
        invocationSchemaVersion: '2.0',
        userArguments: [],
      },
      { type: 'legalHold', status: 'ON' },
      {
        type: 'retention',
        action: 'set',
        mode: 'GOVERNANCE',
        retainUntilDate: '2030-01-01T00:00:00.000Z',
        bypassGovernanceRetention: true,
      },
      { type: 'replicate' },
      { type: 'checksum', algorithm: 'SHA256', checksumType: 'FULL_OBJECT' },
      {
        type: 'updateEncryption',
        kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        bucketKeyEnabled: false,
      },
    ];
    for (const operation of operations) {
      const { body } = await c.json('POST', '/api/jobs/preflight', wizard(DEMO_ROLE, { operation }));
      const check = PreflightResponse.parse(body).checks.find((x) => x.id === 'role-permissions');
      expect(check?.status, `${operation.type}: ${check?.message}`).toBe('pass');
    }
  });

  it('runs Batch Replication from a new rule on the demo source to a bucket the user creates', async () => {
    const { s3 } = c;
    const dest = 'my-new-replica-bucket';
    await s3.send(new CreateBucketCommand({ Bucket: dest }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: dest, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    // The rule dialog and the settings page both prefill the demo role.
    const saved = await c.json('POST', `/api/buckets/${SOURCE}/replication/rules`, {
      rule: {
        id: 'to-new',
        status: 'Enabled',
        priority: 1,
        scope: { type: 'all' },
        destinationBucket: dest,
        storageClass: null,
        deleteMarkerReplication: false,
        replicaModifications: false,
      },
      role: DEMO_ROLE,
      revision: null,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    // The rule flow's job, as the wizard's model: the one create path.
    const created = await c.json('POST', '/api/jobs', {
      runOption: 'auto',
      manifest: {
        format: 'replication',
        generator: { sourceBucket: SOURCE, replicationStatuses: ['NONE', 'FAILED'] },
      },
      operation: { type: 'replicate' },
      priority: 10,
      report: {
        enabled: true,
        scope: 'FailedTasksOnly',
        bucket: REPORTS,
        prefix: `batch-replication/${SOURCE}`,
      },
      roleArn: DEMO_ROLE,
      clientRequestToken: `demo-repl-${Date.now()}`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const deadline = Date.now() + 60_000;
    let d: JobDetails;
    for (;;) {
      d = JobDetails.parse((await c.json('GET', `/api/jobs/${created.body.jobId}`)).body);
      if (['Complete', 'Failed', 'Cancelled'].includes(d.status)) break;
      if (Date.now() > deadline) throw new Error(`job ${d.jobId} still ${d.status}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(d.status, JSON.stringify(d.failureReasons)).toBe('Complete');
    expect(d.progress.failed).toBe(0);
    expect(d.progress.succeeded).toBeGreaterThanOrEqual(540);
    const replica = await s3.send(new HeadObjectCommand({ Bucket: dest, Key: 'logs/app/object-0001.log' }));
    expect(replica.ReplicationStatus).toBe('REPLICA');
  }, 90_000);
});
