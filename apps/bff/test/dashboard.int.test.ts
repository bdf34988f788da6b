import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DashboardResponse, ListJobsResponse, ProgressHistoryResponse } from '@batchops/contracts';
import { TEST_ROLE, TEST_ROLE_ARN } from '@batchops/local-aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startConsole } from '../src/server.js';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// Issue 19 §1 through the real BFF and local-aws: the console samples every job of its Region
// without a page open, keeps the samples across a restart, and the dashboard counts a job's
// failures from its completion report, linking to the filtered job list.

const SOURCE = 'batchops-demo-source';
const REPORTS = 'batchops-demo-reports';
let c: ConsoleFixture;
let jobId: string;

const dashboard = async (api: (path: string) => Promise<Response>) =>
  DashboardResponse.parse(await (await api('/api/dashboard')).json());

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  c = await startConsoleFixture(true);
  await c.s3.send(
    new PutObjectCommand({
      Bucket: SOURCE,
      Key: 'manifests/dashboard-missing.csv',
      Body: `${SOURCE},images/2024/object-0001.jpg\n${SOURCE},images/2024/gone-1.jpg\n${SOURCE},images/2024/gone-2.jpg\n`,
    }),
  );
  const created = await c.json('POST', '/api/jobs', {
    manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/dashboard-missing.csv' },
    operation: { type: 'tagging', tags: [{ key: 'seen', value: 'dashboard' }] },
    priority: 7,
    report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
    roleArn: TEST_ROLE_ARN,
    tags: [],
    runOption: 'wait',
    clientRequestToken: `dashboard-${Date.now()}`,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  jobId = created.body.jobId;
}, 60_000);
afterAll(() => c.close());

describe('the dashboard', () => {
  it('lists a job awaiting confirmation, then counts its failures by error code once it ran', async () => {
    await until(
      () => dashboard(c.api),
      (d) => d.awaitingConfirmation.some((j) => j.jobId === jobId),
      'the job never showed as awaiting confirmation',
    );
    // The console's own poll of the Region (every 3 s while nothing moves) samples it, page or not.
    await until(
      async () => ProgressHistoryResponse.parse((await c.json('GET', `/api/jobs/${jobId}/progress`)).body),
      (h) => h.samples[0]?.status === 'Suspended',
      'the job was never sampled while Suspended',
    );
    expect((await c.json('POST', `/api/jobs/${jobId}/run`)).status).toBe(200);
    const d = await until(
      () => dashboard(c.api),
      (x) => x.last24Hours.completedWithFailures === 1,
      'the job never completed with failures',
    );
    expect(d.last24Hours).toMatchObject({ completed: 0, failed: 0, tasksSucceeded: 1, tasksFailed: 2 });
    expect(d.errorCodes).toEqual([{ errorCode: 'NoSuchKey', count: 2, jobs: [{ jobId, count: 2 }] }]);
    expect(d.reportsUnread).toEqual([]);
    expect(d.awaitingConfirmation).toEqual([]);
  });

  it('is what the job list filters on: ?errorCode= and ?status=CompletedWithFailures', async () => {
    for (const q of ['errorCode=NoSuchKey', 'status=CompletedWithFailures']) {
      const list = ListJobsResponse.parse((await c.json('GET', `/api/jobs?${q}`)).body);
      expect(list.jobs.map((j) => j.jobId)).toEqual([jobId]);
    }
    const none = ListJobsResponse.parse((await c.json('GET', '/api/jobs?errorCode=AccessDenied')).body);
    expect(none.total).toBe(0);
  });

  it('has the job sampled from Suspended to Complete with no page open, and keeps it across a restart', async () => {
    const before = await until(
      async () => ProgressHistoryResponse.parse((await c.json('GET', `/api/jobs/${jobId}/progress`)).body),
      (h) => h.samples.at(-1)?.status === 'Complete',
      'the job was never sampled Complete',
    );
    expect(before.samples[0]?.status).toBe('Suspended');
    expect(before.samples.at(-1)).toMatchObject({ succeeded: 1, failed: 2 });
    await c.app.close();
    const again = await startConsole(
      loadConfig({
        BATCHOPS_PORT: '0',
        BATCHOPS_LOCAL_AWS_PORT: '0',
        BATCHOPS_DATA_DIR: join(c.dir, 'data'),
        BATCHOPS_WEB_DIR: c.webDir,
      }),
      () => {},
      { localAwsRoles: [TEST_ROLE] },
    );
    try {
      const res = await fetch(`http://127.0.0.1:${again.port}/api/jobs/${jobId}/progress`);
      expect(ProgressHistoryResponse.parse(await res.json()).samples).toEqual(before.samples);
    } finally {
      await again.close();
      c = { ...c, close: async () => rmSync(c.dir, { recursive: true, force: true }) };
    }
  });
});
