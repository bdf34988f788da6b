import { describe, expect, it } from 'vitest';
import { deferred, harness, job, tasksOf } from '../test/scheduler-harness.js';
import type { StoredJob } from './job-store.js';
import { FAILURE_THRESHOLD_MIN_TASKS } from './scheduler.js';

// The edges scheduler.test.ts leaves open (mutation testing, issue 20): removal, stopping with
// nothing in flight, the commit size, the concurrency bound, errors while planning, close().

type Harness = ReturnType<typeof harness>;

const settle = () => new Promise((r) => setTimeout(r, 20));

/** Holds every read of the harness's manifest copies until the returned `open()`. */
function gateTaskReads(h: Harness): () => void {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  h.deps.openTasks = (j) =>
    (async function* () {
      await opened;
      yield* tasksOf(j);
    })();
  return open;
}

describe('Scheduler, at its edges', () => {
  it('forgets a removed job: none of its tasks run, and it has no pending results', async () => {
    const h = harness({ concurrency: 1 });
    h.scheduler.add(job('gone', 5, 2));
    h.scheduler.add(job('kept', 0, 1));
    h.scheduler.remove('gone');
    h.scheduler.reschedule();
    await h.ended(1);
    expect(h.ran).toEqual(['kept:0']);
    expect(h.scheduler.pending('gone')).toEqual([]);
  });

  it('keeps no result of a removed job’s task in flight, and leaves its status alone', async () => {
    const gate = deferred();
    const h = harness({
      concurrency: 1,
      run: (j) => (j.jobId === 'low' ? gate.promise : Promise.resolve({ ok: true, http: 200 })),
    });
    const low = job('low', 0, 2);
    h.scheduler.add(low);
    h.scheduler.reschedule();
    await expect.poll(() => h.ran).toEqual(['low:0']);
    h.scheduler.add(job('high', 1, 1));
    h.scheduler.reschedule();
    await expect.poll(() => low.status).toBe('Pausing');
    h.scheduler.remove('low');
    gate.resolve({ ok: true, http: 200 });
    await h.ended(1);
    await settle();
    expect(h.statuses.get('low')).toEqual(['Active', 'Pausing']);
    expect([low.succeeded, h.ran, h.finished.map((f) => f.jobId)]).toEqual([
      0,
      ['low:0', 'high:0'],
      ['high'],
    ]);
  });

  it('ends a stopping job at once when none of its tasks is in flight, and only once', () => {
    const h = harness({ concurrency: 1 });
    const j = job('j', 0, 3);
    h.scheduler.add(j);
    j.status = 'Cancelling';
    h.scheduler.stopping('j');
    h.scheduler.stopping('j');
    expect(h.finished).toEqual([{ jobId: 'j', status: 'Cancelling' }]);
    expect(h.ran).toEqual([]);
  });

  it('never has more tasks in flight than its concurrency, over several jobs of one priority', async () => {
    let inFlight = 0;
    let most = 0;
    const h = harness({
      concurrency: 3,
      run: () => {
        most = Math.max(most, ++inFlight);
        return new Promise((r) =>
          setImmediate(() => {
            inFlight--;
            r({ ok: true, http: 200 });
          }),
        );
      },
    });
    for (const id of ['a', 'b', 'c', 'd']) h.scheduler.add(job(id, 0, 20));
    h.scheduler.reschedule();
    await h.ended(4);
    expect([most, h.ran.length]).toEqual([3, 80]);
  });

  it('commits results in groups of 256, and the rest when the job ends', async () => {
    const h = harness({ concurrency: 4 });
    const j = job('j', 0, 600);
    h.scheduler.add(j);
    h.scheduler.reschedule();
    await h.ended(1);
    expect(h.commits).toEqual([256, 256, 88]);
    // Never Active before (activeSince null): no time Active is added.
    expect([j.activeMs, j.activeSince]).toEqual([0, null]);
  });

  it('logs what planning throws, with its stack, and plans again on the next reschedule', async () => {
    const h = harness({ concurrency: 1 });
    const setStatus = h.deps.setStatus;
    let failures = 1;
    h.deps.setStatus = (j, s) => {
      if (s === 'Paused' && failures-- > 0) throw new Error('disk gone');
      setStatus(j, s);
    };
    const low = job('low', 0, 1);
    low.status = 'Active';
    h.scheduler.add(low);
    h.scheduler.add(job('high', 1, 1));
    h.scheduler.reschedule();
    await expect
      .poll(() => h.logs)
      .toEqual([expect.stringMatching(/^scheduler error: Error: disk gone\n {4}at /)]);
    expect(h.ran).toEqual([]);
    h.scheduler.reschedule();
    await h.ended(2);
    expect(h.ran).toEqual(['high:0', 'low:0']);
    expect(h.logs).toHaveLength(1);
  });

  it('plans nothing after close(), even when asked to', async () => {
    const h = harness({ concurrency: 1 });
    await h.scheduler.close();
    const low = job('low', 0, 1);
    low.status = 'Active';
    h.scheduler.add(low);
    h.scheduler.add(job('high', 1, 1));
    h.scheduler.reschedule();
    await settle();
    expect([h.ran, [...h.statuses.keys()]]).toEqual([[], []]);
  });

  it('after close(), runs not even the task it was reading (its result could not be committed)', async () => {
    const h = harness({ concurrency: 2 });
    const open = gateTaskReads(h);
    h.scheduler.add(job('j', 0, 3));
    h.scheduler.reschedule();
    const closed = h.scheduler.close();
    open();
    await closed;
    await settle();
    expect(h.ran).toEqual([]);
  });

  it('gives the worker to the oldest of equal jobs while it has tasks, at a concurrency of 1', async () => {
    const h = harness({ concurrency: 1 });
    h.scheduler.add(job('newer', 3, 2, 20));
    h.scheduler.add(job('older', 3, 2, 10));
    h.scheduler.reschedule();
    await h.ended(2);
    expect(h.ran).toEqual(['older:0', 'older:1', 'newer:0', 'newer:1']);
  });

  it('hands a job whose manifest copy cannot be read to fail(), running none of its tasks', async () => {
    const h = harness({ concurrency: 1 });
    h.deps.openTasks = () => ({ next: () => Promise.reject(new Error('EIO: i/o error, read')) });
    h.scheduler.add(job('j', 0, 2));
    h.scheduler.reschedule();
    await h.ended(1);
    expect([h.failed.map((f) => String(f.error)), h.finished, h.ran]).toEqual([
      ['Error: EIO: i/o error, read'],
      [],
      [],
    ]);
  });

  it.each([
    ['removed', (h: Harness) => h.scheduler.remove('j')],
    [
      'Cancelling',
      (_h: Harness, j: StoredJob) => {
        j.status = 'Cancelling';
      },
    ],
  ])('runs no task it was reading for a job %s meanwhile', async (_what, stop) => {
    const h = harness({ concurrency: 1 });
    const open = gateTaskReads(h);
    const j = job('j', 0, 2);
    h.scheduler.add(j);
    h.scheduler.reschedule();
    stop(h, j);
    open();
    await settle();
    expect(h.ran).toEqual([]);
  });

  it('ends a paused job at once when a tick’s commit crosses the failure threshold', async () => {
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const h = harness({
      concurrency: 1,
      run: (j, t) => {
        const d = deferred();
        gates.set(`${j.jobId}:${t.idx}`, d);
        return d.promise;
      },
    });
    const low = job('low', 0, 2);
    low.failed = FAILURE_THRESHOLD_MIN_TASKS; // counters of a job resumed after a restart
    h.scheduler.add(low);
    h.scheduler.reschedule();
    await expect.poll(() => h.ran).toEqual(['low:0']);
    h.scheduler.add(job('high', 1, 1));
    h.scheduler.reschedule();
    gates.get('low:0')?.resolve({ ok: false, http: 403, code: 'AccessDenied', message: 'Access Denied' });
    await expect.poll(() => h.ran).toEqual(['low:0', 'high:0']);
    expect(low.status).toBe('Paused');
    h.scheduler.flushAll();
    expect(h.finished).toEqual([{ jobId: 'low', status: 'Failing' }]);
    gates.get('high:0')?.resolve({ ok: true, http: 200 });
    await h.ended(2);
  });
});
