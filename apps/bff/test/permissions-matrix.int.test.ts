import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { JobDescriptor, S3ControlClient } from '@aws-sdk/client-s3-control';
import {
  CreateRoleFromTemplateResponse,
  JobReport,
  PreflightResponse,
  RoleTemplateResponse,
} from '@batchops/contracts';
import {
  BATCH_OPERATIONS_TRUST,
  lambdaClientFor,
  s3ControlClientFor,
  waitForJob,
} from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';
import { ACCOUNT, CELLS, type Cell, cellJob, setUpMatrix } from './support/permission-matrix.js';

// Issue 17 §2: for every operation × manifest kind, the role the console's template makes runs the
// job with no failed task; without any one of its actions, pre-flight names exactly that action and
// the job fails naming it. Real BFF, real local-aws, real SDK clients; nothing stubbed.

let c: ConsoleFixture;
let iam: ConsoleFixture['iam'];
let control: S3ControlClient;
let token = 0;

beforeAll(async () => {
  c = await startConsoleFixture(false);
  const endpoint = c.app.localAws?.url ?? '';
  iam = c.iam;
  // S3 Control puts the account in the host name; the local endpoint takes it on its path.
  control = s3ControlClientFor(endpoint);
  const lambda = lambdaClientFor(endpoint);
  await setUpMatrix(c.s3, lambda);
  lambda.destroy();
}, 120_000);
afterAll(async () => {
  control.destroy();
  await c.close();
});

type Statement = { Sid: string; Effect: string; Action: string[]; Resource: string | string[] };

/** An object action's version counterpart (`s3:PutObjectTagging` → `s3:PutObjectVersionTagging`). */
const versionOf = (action: string) =>
  action.replace(/^s3:(Get|Put|Delete)Object(?!Version)/, 's3:$1ObjectVersion');

/**
 * The template holds both the plain and the version actions; a job checks one of each pair: the
 * version action when its rows name versions, the plain one otherwise.
 */
function checked(cell: Cell, s: Statement, action: string): boolean {
  const hasVersionPair = (plain: string) => versionOf(plain) !== plain && s.Action.includes(versionOf(plain));
  if (cell.kind !== 'csv-versions')
    return !s.Action.some((a) => hasVersionPair(a) && versionOf(a) === action);
  return !hasVersionPair(action);
}

async function preflight(cell: Cell, roleArn: string) {
  const { status, body } = await c.json('POST', '/api/jobs/preflight', wizard(cell, roleArn));
  expect(status, JSON.stringify(body)).toBe(200);
  const r = PreflightResponse.parse(body);
  return { ok: r.ok, byId: Object.fromEntries(r.checks.map((x) => [x.id, x])) };
}

function wizard(cell: Cell, roleArn: string) {
  return {
    ...cellJob(cell),
    priority: 10,
    roleArn,
    tags: [],
    runOption: 'auto',
    clientRequestToken: `pm-${Date.now()}-${++token}`,
  };
}

/** Create the job through the console and wait for it to end (S3 Control's own answer). */
async function run(cell: Cell, roleArn: string): Promise<JobDescriptor & { JobId: string }> {
  const created = await c.json('POST', '/api/jobs', wizard(cell, roleArn));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const JobId = created.body.jobId as string;
  const job = await waitForJob(control, JobId, ['Complete', 'Failed', 'Cancelled'], {
    accountId: ACCOUNT,
    timeoutMs: 60_000,
  });
  return { ...job, JobId };
}

/** What the job says went wrong: its failure reasons, or the actions its report's AccessDenied rows name. */
async function denials(job: JobDescriptor & { JobId: string }): Promise<string> {
  if (job.Status === 'Failed') return JSON.stringify(job.FailureReasons);
  expect(job.ProgressSummary?.NumberOfTasksFailed, `job ${job.JobId} failed no task`).toBeGreaterThan(0);
  const report = JobReport.parse((await c.json('GET', `/api/jobs/${job.JobId}/report`)).body);
  return JSON.stringify(report.deniedActions.map((d) => d.action));
}

/** The template's policy without one action of one statement (a statement left empty goes). */
function without(statements: Statement[], sid: string, action: string) {
  return {
    Version: '2012-10-17',
    Statement: statements
      .map((s) => (s.Sid === sid ? { ...s, Action: s.Action.filter((a) => a !== action) } : s))
      .filter((s) => s.Action.length > 0),
  };
}

describe('the permissions matrix: template roles, and each action taken away', () => {
  it.each(CELLS.map((cell, i) => [cell.name, cell, i] as const))(
    '%s',
    async (_name, cell, i) => {
      const job = cellJob(cell);
      const made = await c.json('POST', '/api/roles/from-template', { roleName: `pm${i}`, job });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const roleArn = CreateRoleFromTemplateResponse.parse(made.body).role.arn;
      const good = await preflight(cell, roleArn);
      expect(good.byId['role-permissions']?.status, good.byId['role-permissions']?.message).toBe('pass');
      expect(good.ok, JSON.stringify(good.byId)).toBe(true);
      const done = await run(cell, roleArn);
      expect(done.Status, JSON.stringify(done.FailureReasons)).toBe('Complete');
      // A generated manifest lists every eligible version in the bucket, other cells' objects too.
      expect(done.ProgressSummary?.NumberOfTasksFailed).toBe(0);
      expect(done.ProgressSummary?.NumberOfTasksSucceeded).toBe(done.ProgressSummary?.TotalNumberOfTasks);
      expect(done.ProgressSummary?.NumberOfTasksSucceeded).toBeGreaterThanOrEqual(2);
      if (cell.kind === 'csv-versions')
        expect(good.byId['version-ids']?.message).toMatch(/Every row names a version/);

      const template = RoleTemplateResponse.parse(
        (await c.json('POST', '/api/jobs/role-template', job)).body,
      );
      const statements = template.permissionPolicy.Statement as Statement[];
      const removals = statements.flatMap((s) =>
        s.Action.filter((a) => checked(cell, s, a)).map((action) => ({ sid: s.Sid, action })),
      );
      expect(removals.length).toBeGreaterThan(3);
      await Promise.all(
        removals.map(async ({ sid, action }, j) => {
          const RoleName = `pm${i}-${j}`;
          await iam.send(
            new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST }),
          );
          await iam.send(
            new PutRolePolicyCommand({
              RoleName,
              PolicyName: 'less',
              PolicyDocument: JSON.stringify(without(statements, sid, action)),
            }),
          );
          const arn = `arn:aws:iam::${ACCOUNT}:role/${RoleName}`;
          const check = (await preflight(cell, arn)).byId['role-permissions'];
          expect(check?.status, `${sid} ${action}`).toBe('fail');
          expect([...new Set(check?.missing?.map((m) => m.action))], `${sid} ${action}`).toEqual([action]);
          const failed = await run(cell, arn);
          expect(await denials(failed), `${sid} ${action}: job ${failed.Status}`).toContain(action);
        }),
      );
    },
    120_000,
  );
});
