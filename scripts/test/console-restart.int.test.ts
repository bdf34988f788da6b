import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// Issue 20 §2: the console started twice on one data directory, laid out as the default is — a
// relative `.batchops…` folder inside the repository — keeps its jobs and does not seed the demo
// again. Runs the built BFF (`node apps/bff/dist/index.js`) as `npm start` does.
const root = join(import.meta.dirname, '..', '..');
const DATA_DIR = `.batchops-restart-test-${process.pid}`;
const CONSOLE = Number(process.env.BATCHOPS_TEST_CONSOLE_PORT ?? 18333);
const base = `http://localhost:${CONSOLE}`;

interface Started {
  readonly child: ChildProcess;
  output(): string;
}

async function startConsole(): Promise<Started> {
  const child = spawn(process.execPath, ['apps/bff/dist/index.js'], {
    cwd: root,
    env: {
      ...process.env,
      BATCHOPS_PORT: String(CONSOLE),
      BATCHOPS_LOCAL_AWS_PORT: String(CONSOLE - 4000),
      BATCHOPS_DATA_DIR: DATA_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => undefined))?.status, { timeout: 60_000 })
    .toBe(200);
  return { child, output: () => out };
}

async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await exited;
}

async function jobs(): Promise<{ jobId: string; status: string }[]> {
  const res = await fetch(`${base}/api/jobs?pageSize=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { jobs: { jobId: string; status: string }[] }).jobs;
}

afterAll(() => rmSync(join(root, DATA_DIR), { recursive: true, force: true }));

it('a second start on an existing data directory keeps the jobs and does not seed again', {
  timeout: 240_000,
}, async () => {
  expect(existsSync(join(root, DATA_DIR))).toBe(false);
  const first = await startConsole();
  let jobId = '';
  try {
    expect(first.output()).toContain('seeded the demo');
    const res = await fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        manifest: { format: 'csv', bucket: 'batchops-demo-source', key: 'manifests/demo-manifest.csv' },
        operation: { type: 'tagging', tags: [{ key: 'restart', value: 'yes' }] },
        description: 'before the restart',
        priority: 10,
        report: {
          enabled: true,
          bucket: 'batchops-demo-reports',
          prefix: 'restart',
          scope: 'FailedTasksOnly',
        },
        roleArn: 'arn:aws:iam::000000000000:role/batchops-demo',
        tags: [],
        runOption: 'auto',
        clientRequestToken: `restart-${process.pid}`,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    jobId = ((await res.json()) as { jobId: string }).jobId;
    await expect
      .poll(async () => (await jobs()).find((j) => j.jobId === jobId)?.status, { timeout: 90_000 })
      .toBe('Complete');
  } finally {
    await stop(first);
  }

  const second = await startConsole();
  try {
    expect(await jobs()).toEqual([expect.objectContaining({ jobId, status: 'Complete' })]);
    expect(second.output()).not.toContain('seeded the demo');
    expect(second.output()).toContain(`(data: ${join(root, DATA_DIR)}`);
  } finally {
    await stop(second);
  }
});
