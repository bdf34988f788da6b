import type { JobStatus } from '@batchops/batch-formats';
import { expect } from 'vitest';
import { newJob, type StoredJob, type TaskResult } from '../src/job-store.js';
import type { TaskOutcome } from '../src/operations/operation.js';
import { Scheduler, type SchedulerDeps, type Task } from '../src/scheduler.js';

// The scheduler's unit-test harness (scheduler.test.ts, scheduler.mutation.test.ts): fakes for its deps.

export function job(jobId: string, priority: number, totalTasks: number, creationTime = 0): StoredJob {
  const j = newJob({
    jobId,
    accountId: '000000000000',
    region: 'us-east-1',
    priority,
    creationTime,
    request: { Operation: { S3DeleteObjectTagging: {} }, Report: { Enabled: false } } as StoredJob['request'],
    clientRequestToken: jobId,
    requestHash: '',
    tags: [],
  });
  return { ...j, status: 'Ready', totalTasks };
}

export async function* tasksOf(j: StoredJob): AsyncGenerator<Task[]> {
  const all = Array.from({ length: j.totalTasks ?? 0 }, (_, idx) => ({
    idx,
    row: { bucket: 'b', key: `k${idx}` },
  }));
  for (let i = 0; i < all.length; i += 100) yield all.slice(i, i + 100);
}

/** A scheduler over fakes: tasks from memory, a task runner the test decides, results in counters. */
export function harness(opts: {
  concurrency: number;
  run?: (j: StoredJob, t: Task) => Promise<TaskOutcome>;
  now?: () => Date;
}) {
  const ran: string[] = [];
  const logs: string[] = [];
  const statuses = new Map<string, JobStatus[]>();
  const finished: Array<{ jobId: string; status: JobStatus }> = [];
  const failed: Array<{ jobId: string; error: unknown }> = [];
  /** The size of each group of results the scheduler committed, in order. */
  const commits: number[] = [];
  let onFinish = () => {};
  const deps: SchedulerDeps & { record: SchedulerDeps['record'] } = {
    concurrency: opts.concurrency,
    now: opts.now ?? (() => new Date(0)),
    openTasks: (j) => tasksOf(j),
    runTask: (j, t) => {
      ran.push(`${j.jobId}:${t.idx}`);
      return opts.run ? opts.run(j, t) : Promise.resolve({ ok: true, http: 200 });
    },
    record: (j, results: readonly TaskResult[]) => {
      commits.push(results.length);
      for (const r of results) r.ok ? j.succeeded++ : j.failed++;
    },
    save: () => {},
    setStatus: (j, s) => {
      j.status = s;
      statuses.set(j.jobId, [...(statuses.get(j.jobId) ?? []), s]);
    },
    finish: (j) => {
      finished.push({ jobId: j.jobId, status: j.status });
      onFinish();
    },
    fail: (j, error) => {
      failed.push({ jobId: j.jobId, error });
      onFinish();
    },
    log: (line) => logs.push(line),
  };
  const scheduler = new Scheduler(deps);
  /** Resolves once `n` jobs have finished or failed. */
  const ended = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => finished.length + failed.length >= n && resolve();
      onFinish = check;
      check();
    });
  return { scheduler, deps, ran, statuses, finished, failed, ended, logs, commits };
}

export function deferred() {
  let resolve!: (o: TaskOutcome) => void;
  const promise = new Promise<TaskOutcome>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A job of three tasks whose first task is in flight (it ends when `gate` resolves), none other handed out. */
export async function oneTaskInFlight() {
  const gate = deferred();
  const h = harness({ concurrency: 1, run: () => gate.promise });
  const j = job('j', 0, 3);
  h.scheduler.add(j);
  h.scheduler.reschedule();
  await expect.poll(() => h.ran).toEqual(['j:0']);
  return { h, j, gate };
}
