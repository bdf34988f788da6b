import { describe, expect, it } from 'vitest';
import { deferred, harness, job, oneTaskInFlight, tasksOf } from '../test/scheduler-harness.js';
import type { TaskResult } from './job-store.js';
import type { TaskOutcome } from './operations/operation.js';
import { FAILURE_THRESHOLD_MIN_TASKS } from './scheduler.js';

describe('Scheduler', () => {
  it('runs the higher-priority job first, whatever the order the jobs came in', async () => {
    const h = harness({ concurrency: 1 });
    const low = job('low', 1, 3, 0);
    const high = job('high', 5, 3, 1);
    h.scheduler.add(low);
    h.scheduler.add(high);
    h.scheduler.reschedule();
    await h.ended(2);
    expect(h.ran).toEqual(['high:0', 'high:1', 'high:2', 'low:0', 'low:1', 'low:2']);
    expect(h.finished).toEqual([
      { jobId: 'high', status: 'Completing' },
      { jobId: 'low', status: 'Completing' },
    ]);
  });

  it('reads its tasks as it hands them out (one batch ahead at most) and commits results in bounded groups', async () => {
    let read = 0;
    let ahead = 0;
    const h = harness({
      concurrency: 8,
      run: async () => {
        ahead = Math.max(ahead, read - h.ran.length);
        return { ok: true, http: 200 };
      },
    });
    h.deps.openTasks = async function* (j) {
      for await (const batch of tasksOf(j)) {
        read += batch.length;
        yield batch;
      }
    };
    const j = job('big', 0, 20_000);
    h.scheduler.add(j);
    h.scheduler.reschedule();
    await h.ended(1);
    expect(j.succeeded).toBe(20_000);
    // tasksOf yields batches of 100: memory holds one batch and one commit group, whatever the job's size.
    expect(ahead).toBeLessThan(100);
    expect(Math.max(...h.commits)).toBeLessThanOrEqual(256);
  });

  it('pauses a running lower-priority job while a higher one has tasks, then resumes it', async () => {
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const h = harness({
      concurrency: 1,
      run: (j, t) => {
        if (j.jobId !== 'low' || t.idx !== 0) return Promise.resolve({ ok: true, http: 200 });
        const d = deferred();
        gates.set('low:0', d);
        return d.promise;
      },
    });
    const low = job('low', 1, 2);
    h.scheduler.add(low);
    h.scheduler.reschedule();
    await expect.poll(() => h.ran).toEqual(['low:0']);
    expect(low.status).toBe('Active');

    const high = job('high', 10, 2);
    h.scheduler.add(high);
    h.scheduler.reschedule();
    // low's task is still in flight: Pausing, and high waits for the worker.
    await expect.poll(() => low.status).toBe('Pausing');
    gates.get('low:0')?.resolve({ ok: true, http: 200 });
    await h.ended(2);
    expect(h.statuses.get('low')).toEqual(['Active', 'Pausing', 'Paused', 'Active', 'Completing']);
    expect(h.ran).toEqual(['low:0', 'high:0', 'high:1', 'low:1']);
  });

  it(`fails a job once more than half of at least ${FAILURE_THRESHOLD_MIN_TASKS} tasks failed`, async () => {
    const fail = { ok: false, http: 404, code: 'NoSuchKey', message: 'missing' } as const;
    const h = harness({
      concurrency: 16,
      run: (_j, t) => Promise.resolve(t.idx % 3 === 0 ? { ok: true, http: 200 } : fail),
    });
    const doomed = job('doomed', 0, 3000);
    h.scheduler.add(doomed);
    h.scheduler.reschedule();
    await h.ended(1);
    expect(h.finished).toEqual([{ jobId: 'doomed', status: 'Failing' }]);
    // Once Failing, no task hands it back to Active.
    expect(h.statuses.get('doomed')).toEqual(['Active', 'Failing']);
    expect(doomed.failureReasons[0]?.FailureCode).toBe('TaskFailureThresholdExceeded');
    const ran = doomed.succeeded + doomed.failed;
    // Stopped at the first commit past 1,000 tasks, not after all 3,000.
    expect(ran).toBeGreaterThanOrEqual(FAILURE_THRESHOLD_MIN_TASKS);
    expect(ran).toBeLessThan(1400);
    expect(h.ran.length).toBe(ran);
  });

  it('does not apply the threshold below 1,000 tasks, nor at 50% or less', async () => {
    const fail = { ok: false, http: 404, code: 'NoSuchKey', message: 'missing' } as const;
    const h = harness({
      concurrency: 16,
      run: (j, t) => Promise.resolve(j.jobId === 'small' || t.idx % 2 === 0 ? fail : { ok: true, http: 200 }),
    });
    const small = job('small', 0, 999);
    const half = job('half', 0, 2000);
    h.scheduler.add(small);
    h.scheduler.add(half);
    h.scheduler.reschedule();
    await h.ended(2);
    expect(h.finished.map((f) => f.status)).toEqual(['Completing', 'Completing']);
    expect(small.failed).toBe(999);
    expect(half.failed).toBe(1000);
  });

  it('fails a job of exactly 1,000 tasks when more than half failed, the last commit included', async () => {
    const fail = { ok: false, http: 404, code: 'NoSuchKey', message: 'missing' } as const;
    const h = harness({
      concurrency: 16,
      run: (_j, t) => Promise.resolve(t.idx < 501 ? fail : { ok: true, http: 200 }),
    });
    const edge = job('edge', 0, FAILURE_THRESHOLD_MIN_TASKS);
    h.scheduler.add(edge);
    h.scheduler.reschedule();
    await h.ended(1);
    expect([edge.failed, edge.succeeded]).toEqual([501, 499]);
    expect(h.finished).toEqual([{ jobId: 'edge', status: 'Failing' }]);
    expect(edge.failureReasons[0]?.FailureReason).toBe(
      'More than 50% of 1000 tasks failed (501 failed); the job was stopped.',
    );
  });

  it('fails only the task whose runner throws at once', async () => {
    const h = harness({ concurrency: 2 });
    const base = h.deps.runTask;
    h.deps.runTask = (j, t) => {
      if (t.idx === 1) throw new Error('S3BogusOperation is not supported');
      return base(j, t);
    };
    const j = job('j', 0, 3);
    h.scheduler.add(j);
    h.scheduler.reschedule();
    await h.ended(1);
    expect(h.finished).toEqual([{ jobId: 'j', status: 'Completing' }]);
    expect([j.succeeded, j.failed]).toEqual([2, 1]);
  });

  // A commit fails midway (at 256 results, most tasks not handed out yet) or at the end (3 tasks).
  it.each([
    [1000, 999],
    [3, 3],
  ])(
    'hands a job of %i tasks that cannot record its results to fail(): no task after, no completion',
    async (total, most) => {
      const h = harness({ concurrency: 4 });
      h.deps.record = () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      };
      const broken = job('broken', 0, total);
      h.scheduler.add(broken);
      h.scheduler.reschedule();
      await h.ended(1);
      expect(h.failed).toHaveLength(1);
      expect(String(h.failed[0]?.error)).toMatch(/SQLITE_FULL/);
      const handedOut = h.ran.length;
      expect(handedOut).toBeLessThanOrEqual(most);
      await new Promise((r) => setTimeout(r, 20));
      expect(h.ran.length).toBe(handedOut);
      expect([h.finished, h.statuses.get('broken')]).toEqual([[], ['Active']]);
    },
  );

  it('skips the tasks a resumed job already ran (its done bitmap)', async () => {
    const h = harness({ concurrency: 1 });
    const done = new Uint8Array(2);
    done[0] = 0b101; // tasks 0 and 2
    done[1] = 0b10; // task 9
    h.scheduler.add(job('j', 0, 11), done);
    h.scheduler.reschedule();
    await h.ended(1);
    expect(h.ran).toEqual(['j:1', 'j:3', 'j:4', 'j:5', 'j:6', 'j:7', 'j:8', 'j:10']);
  });

  it('records what each task ended with; a runner that throws is an InternalError', async () => {
    const outcomes: TaskOutcome[] = [
      { ok: true, http: 200, message: 'done' },
      { ok: true, http: 204 },
      { ok: false, http: 404, code: 'NoSuchKey', message: 'gone' },
    ];
    const h = harness({
      concurrency: 1,
      run: (_j, t) =>
        t.idx < 3 ? Promise.resolve(outcomes[t.idx] as TaskOutcome) : Promise.reject(new Error('boom')),
    });
    const recorded: TaskResult[] = [];
    const count = h.deps.record;
    h.deps.record = (j, results) => {
      recorded.push(...results);
      count(j, results);
    };
    h.scheduler.add(job('j', 0, 4));
    h.scheduler.reschedule();
    await h.ended(1);
    expect(recorded).toEqual([
      { idx: 0, ok: true, http: 200, code: null, message: 'done' },
      { idx: 1, ok: true, http: 204, code: null, message: null },
      { idx: 2, ok: false, http: 404, code: 'NoSuchKey', message: 'gone' },
      { idx: 3, ok: false, http: 500, code: 'InternalError', message: 'boom' },
    ]);
  });

  it('stops handing out tasks of a cancelled job and finishes it once its task in flight ends', async () => {
    const { h, j, gate } = await oneTaskInFlight();
    expect(h.scheduler.pending('j')).toEqual([]);
    j.status = 'Cancelling';
    h.scheduler.stopping('j');
    expect(h.finished).toEqual([]);
    gate.resolve({ ok: true, http: 200 });
    await h.ended(1);
    expect(h.finished).toEqual([{ jobId: 'j', status: 'Cancelling' }]);
    expect([h.ran, j.succeeded]).toEqual([['j:0'], 1]);
  });

  it('keeps results uncommitted until a tick, adding the time Active at each commit', async () => {
    const gate = deferred();
    let now = 1000;
    const h = harness({
      concurrency: 1,
      run: (_j, t) => (t.idx === 0 ? Promise.resolve({ ok: true, http: 200 }) : gate.promise),
      now: () => new Date(now),
    });
    const saved: string[] = [];
    h.deps.save = (j) => saved.push(j.jobId);
    const j = job('j', 0, 2);
    Object.assign(j, { status: 'Active', activeSince: 1000, activeMs: 50 });
    h.scheduler.add(j);
    h.scheduler.reschedule();
    await expect.poll(() => h.scheduler.pending('j').length).toBe(1);
    now = 3500;
    h.scheduler.flushAll();
    expect([j.succeeded, j.activeMs, j.activeSince, h.scheduler.pending('j')]).toEqual([1, 2550, 3500, []]);
    h.scheduler.flushAll();
    expect(saved).toEqual(['j']);
    gate.resolve({ ok: true, http: 200 });
    await h.ended(1);
  });

  // Pausing: a job restored after a restart with nothing in flight.
  it.each(['Active', 'Pausing'] as const)(
    'pauses a lower-priority %s job at once when it has nothing in flight',
    async (status) => {
      const h = harness({ concurrency: 1 });
      const low = job('low', 1, 1);
      low.status = status;
      h.scheduler.add(low);
      h.scheduler.add(job('high', 2, 1));
      h.scheduler.reschedule();
      await h.ended(2);
      expect(h.statuses.get('low')).toEqual(['Paused', 'Active', 'Completing']);
    },
  );

  it('close() hands out no more tasks and commits the results of those in flight', async () => {
    const { h, j, gate } = await oneTaskInFlight();
    const closed = h.scheduler.close();
    gate.resolve({ ok: true, http: 200 });
    await closed;
    expect([h.ran, j.succeeded]).toEqual([['j:0'], 1]);
  });
  it('shares the workers evenly between two jobs of the same priority', async () => {
    // Each task ends on a later turn of the event loop, as a real S3 call does.
    const h = harness({
      concurrency: 8,
      run: () => new Promise((r) => setImmediate(() => r({ ok: true, http: 200 }))),
    });
    h.scheduler.add(job('first', 10, 400, 0));
    h.scheduler.add(job('second', 10, 400, 1));
    h.scheduler.reschedule();
    await h.ended(2);
    // While both have tasks left, each gets half of what runs (an oldest-first pick gave `second` ~2%).
    const firstHalf = h.ran.slice(0, 400);
    const second = firstHalf.filter((t) => t.startsWith('second:')).length;
    expect(second).toBeGreaterThanOrEqual(180);
    expect(second).toBeLessThanOrEqual(220);
    expect(h.finished.map((f) => f.status)).toEqual(['Completing', 'Completing']);
  });
});
