import { CreateBucketCommand } from '@aws-sdk/client-s3';
import {
  CliCommandResponse,
  type JobWizardInput,
  PreflightResponse,
  ProgressHistoryResponse,
} from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, readEvents, startConsoleFixture } from './support/console-fixture.js';

// The console side of issues 9 and 10 through the real BFF and local-aws: the generated manifest's
// command and pre-flight, and the progress samples behind the job page's chart.

const REPORTS = 'batchops-demo-reports';
const ROLE = 'arn:aws:iam::000000000000:role/batchops-demo';
let c: ConsoleFixture;
let s3: ConsoleFixture['s3'];

beforeAll(async () => {
  c = await startConsoleFixture(true);
  ({ s3 } = c);
  await s3.send(new CreateBucketCommand({ Bucket: 'no-replication' }));
}, 60_000);
afterAll(() => c.close());

const replicate = (over: Partial<JobWizardInput> = {}): JobWizardInput => ({
  manifest: {
    format: 'replication',
    generator: {
      sourceBucket: 'no-replication',
      replicationStatuses: ['NONE', 'FAILED'],
      output: { bucket: REPORTS, prefix: 'generated' },
    },
  },
  operation: { type: 'replicate' },
  priority: 10,
  report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
  roleArn: ROLE,
  runOption: 'auto',
  clientRequestToken: `t-${Date.now()}`,
  ...over,
});

describe('a manifest generated from the replication configuration', () => {
  it('gives a create-job command with --manifest-generator and no manifest object to read', async () => {
    const { status, body } = await c.json('POST', '/api/jobs/cli-command', replicate());
    expect(status).toBe(200);
    const { argv } = CliCommandResponse.parse(body);
    expect(argv).not.toContain('--manifest');
    expect(JSON.parse(argv[argv.indexOf('--operation') + 1] ?? '')).toEqual({ S3ReplicateObject: {} });
    expect(JSON.parse(argv[argv.indexOf('--manifest-generator') + 1] ?? '')).toEqual({
      S3JobManifestGenerator: {
        ExpectedBucketOwner: '000000000000',
        SourceBucket: 'arn:aws:s3:::no-replication',
        EnableManifestOutput: true,
        ManifestOutputLocation: {
          ExpectedManifestBucketOwner: '000000000000',
          Bucket: `arn:aws:s3:::${REPORTS}`,
          ManifestPrefix: 'generated',
          ManifestFormat: 'S3InventoryReport_CSV_20211130',
          ManifestEncryption: { SSES3: {} },
        },
        Filter: { EligibleForReplication: true, ObjectReplicationStatuses: ['NONE', 'FAILED'] },
      },
    });
  });

  it('is refused with any other operation, at the operation field', async () => {
    const { status, body } = await c.json(
      'POST',
      '/api/jobs',
      replicate({ operation: { type: 'deleteTagging' } }),
    );
    expect(status).toBe(400);
    expect(body.fieldErrors).toContainEqual({
      field: 'operation.type',
      message: 'a manifest created from the replication configuration can only be used with Replicate',
    });
  });

  it('pre-flight checks the source bucket and leaves the rows to the job', async () => {
    const { status, body } = await c.json('POST', '/api/jobs/preflight', replicate());
    expect(status).toBe(200);
    const r = PreflightResponse.parse(body);
    const byId = Object.fromEntries(r.checks.map((x) => [x.id, x]));
    expect(r.ok).toBe(false);
    // A bucket without a replication configuration: the job would replicate nothing.
    expect(byId['manifest-readable']?.status).toBe('fail');
    expect(byId['manifest-readable']?.message).toMatch(/^s3:\/\/no-replication /);
    expect(byId['manifest-rows']).toMatchObject({
      status: 'warn',
      message: 'Not checked: the manifest is generated when the job runs.',
    });
    expect(byId['report-bucket']?.status).toBe('pass');
    expect(byId['role-arn']?.status).toBe('pass');

    const missing = PreflightResponse.parse(
      (
        await c.json(
          'POST',
          '/api/jobs/preflight',
          replicate({
            manifest: {
              format: 'replication',
              generator: { sourceBucket: 'not-there', replicationStatuses: [] },
            },
          }),
        )
      ).body,
    );
    expect(missing.checks.find((x) => x.id === 'manifest-readable')?.message).toMatch(
      /^s3:\/\/not-there: NotFound/,
    );
  });
});

describe('progress samples', () => {
  it('keeps what the live poller read, so a reloaded job page draws the curve', async () => {
    const { status, body } = await c.json('POST', '/api/jobs', {
      manifest: { format: 'csv', bucket: 'batchops-demo-source', key: 'manifests/demo-manifest.csv' },
      operation: { type: 'deleteTagging' },
      priority: 10,
      report: { enabled: false },
      roleArn: ROLE,
      runOption: 'auto',
      clientRequestToken: `p-${Date.now()}`,
    });
    expect(status).toBe(201);
    const jobId = body.jobId as string;
    const before = ProgressHistoryResponse.parse((await c.json('GET', `/api/jobs/${jobId}/progress`)).body);
    expect(before).toEqual({ jobId, samples: [] });
    const stream = await c.api(`/api/jobs/${jobId}/events`);
    await readEvents(
      stream,
      (m) => m.some((e) => e.data.type === 'job' && e.data.job.status === 'Complete'),
      60_000,
    );
    const after = ProgressHistoryResponse.parse((await c.json('GET', `/api/jobs/${jobId}/progress`)).body);
    expect(after.samples.length).toBeGreaterThan(1);
    expect(after.samples.at(-1)).toMatchObject({
      status: 'Complete',
      succeeded: 540,
      failed: 0,
      totalTasks: 540,
    });
    const done = after.samples.map((s) => s.succeeded + s.failed);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    const times = after.samples.map((s) => Date.parse(s.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  }, 90_000);
});
