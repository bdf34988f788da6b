import { compareSchedulingOrder, isRunning, type JobStatus, type ManifestRow } from '@batchops/batch-formats';
import type { StoredJob, TaskResult } from './job-store.js';
import type { TaskOutcome } from './operations/operation.js';

/** After this many tasks, more than half failed fails the job. */
export const FAILURE_THRESHOLD_MIN_TASKS = 1000;
/** Results are committed in groups of this many (and on every tick). */
const COMMIT_BATCH = 256;

/** One task: line `idx` of the job's manifest copy. */
export interface Task {
  readonly idx: number;
  readonly row: ManifestRow;
  /** The key as the manifest has it (URL-encoded), when read from the job's manifest copy. */
  readonly encodedKey?: string;
}

/** What the scheduler needs from the rest of the engine; unit tests pass fakes. */
export interface SchedulerDeps {
  /** Tasks in flight over all jobs. */
  readonly concurrency: number;
  readonly now: () => Date;
  /** A job's tasks in order, in batches (from its manifest copy). */
  openTasks(job: StoredJob): AsyncIterator<Task[]>;
  runTask(job: StoredJob, task: Task): Promise<TaskOutcome>;
  /** Commit task results with the job's counters (throws on a write error). */
  record(job: StoredJob, results: readonly TaskResult[]): void;
  /** Save the job's own fields (throws on a write error). */
  save(job: StoredJob): void;
  setStatus(job: StoredJob, status: JobStatus): void;
  /** No task left (or the job is stopping) and none in flight: write the report and end the job. */
  finish(job: StoredJob): void;
  /** The job cannot go on (its results or manifest copy could not be written or read). */
  fail(job: StoredJob, error: unknown): void;
  readonly log: (line: string) => void;
}

/** A job that has work to run: its manifest cursor, tasks in flight, results not yet committed. */
interface JobRun {
  readonly job: StoredJob;
  tasks: AsyncIterator<Task[]> | undefined;
  queue: Task[];
  /** Every task has been handed out. */
  drained: boolean;
  inFlight: number;
  pending: TaskResult[];
  /** Task indices already done (after a restart), as a bitmap. */
  readonly done: Uint8Array | undefined;
  finishing: boolean;
}

/**
 * One pool of workers over every running job: the highest-priority jobs with tasks left first
 * (equals share the workers evenly: a free worker goes to the one with the fewest tasks in flight). A lower-priority running job goes Pausing → Paused while
 * a higher one has tasks left. Results are committed in batches; the failure threshold is checked
 * at each commit.
 */
export class Scheduler {
  private readonly runs = new Map<string, JobRun>();
  private inFlight = 0;
  private pumping = false;
  private closed = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /**
   * Take a job's tasks on (they are handed out on the next `reschedule`); `done` marks the tasks
   * that already ran (a job resumed after a restart).
   */
  add(job: StoredJob, done?: Uint8Array): void {
    this.runs.set(job.jobId, {
      job,
      tasks: undefined,
      queue: [],
      drained: false,
      inFlight: 0,
      pending: [],
      done,
      finishing: false,
    });
  }

  /** Forget a job's run (cancelled before it ran, or failed); its tasks in flight still end. */
  remove(jobId: string): void {
    this.runs.delete(jobId);
  }

  /** Results of a job not committed yet (they count in its progress). */
  pending(jobId: string): readonly TaskResult[] {
    return this.runs.get(jobId)?.pending ?? [];
  }

  /** The job's status changed to a stopping one (Cancelling): end it once nothing is in flight. */
  stopping(jobId: string): void {
    this.maybeFinish(jobId);
  }

  /** A job's priority changed, or workers may be free: re-plan. */
  reschedule(): void {
    this.pump();
  }

  /** Commit every job's pending results (the periodic tick). */
  flushAll(): void {
    for (const run of [...this.runs.values()]) this.flush(run);
  }

  /** Hand out no more tasks; wait for those in flight and commit their results. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    this.flushAll();
  }

  private pump(): void {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    void this.plan()
      .catch((e: unknown) => this.deps.log(`scheduler error: ${(e as Error).stack ?? e}`))
      .finally(() => {
        this.pumping = false;
      });
  }

  private async plan(): Promise<void> {
    for (;;) {
      const runnable = [...this.runs.values()]
        .filter((r) => isRunning(r.job.status) && !r.drained && !r.finishing)
        .sort((a, b) => compareSchedulingOrder(a.job, b.job));
      const top = runnable[0]?.job.priority;
      for (const r of runnable) {
        if (r.job.priority !== top && (r.job.status === 'Active' || r.job.status === 'Pausing')) {
          this.deps.setStatus(r.job, r.inFlight > 0 ? 'Pausing' : 'Paused');
        }
      }
      // Jobs of the same priority share the workers: each free one goes to the job with the fewest
      // tasks in flight (oldest first among equals), or the oldest would take every freed worker.
      const group = runnable
        .filter((r) => r.job.priority === top)
        .sort((a, b) => a.inFlight - b.inFlight || a.job.creationTime - b.job.creationTime);
      if (group.length === 0 || this.inFlight >= this.deps.concurrency || this.closed) return;
      for (const run of group) {
        if (this.inFlight >= this.deps.concurrency) break;
        let task: Task | undefined;
        try {
          task = await this.nextTask(run);
        } catch (e) {
          this.fail(run, e);
          continue;
        }
        if (!task) {
          this.maybeFinish(run.job.jobId);
          continue;
        }
        // While the task was read, the job may have stopped (Failing, Cancelling) or gone, or the
        // scheduler closed (its results would never be committed): keep it.
        if (
          this.closed ||
          this.runs.get(run.job.jobId) !== run ||
          !isRunning(run.job.status) ||
          run.finishing
        ) {
          run.queue.unshift(task);
          continue;
        }
        if (run.job.status !== 'Active') this.deps.setStatus(run.job, 'Active');
        this.execute(run, task);
      }
    }
  }

  /** The next task of a job, or undefined when every task has been handed out. */
  private async nextTask(run: JobRun): Promise<Task | undefined> {
    for (;;) {
      const t = run.queue.shift();
      if (t) {
        if (run.done && ((run.done[t.idx >> 3] as number) & (1 << (t.idx & 7))) !== 0) continue;
        return t;
      }
      if (run.drained) return undefined;
      run.tasks ??= this.deps.openTasks(run.job);
      const next = await run.tasks.next();
      if (next.done) {
        run.drained = true;
        return undefined;
      }
      run.queue = next.value;
    }
  }

  private execute(run: JobRun, task: Task): void {
    run.inFlight++;
    this.inFlight++;
    // A runner that throws at once (a stored job naming an unknown operation) fails the task alone.
    Promise.resolve()
      .then(() => this.deps.runTask(run.job, task))
      .catch(
        (e: unknown): TaskOutcome => ({
          ok: false,
          http: 500,
          code: 'InternalError',
          message: (e as Error).message,
        }),
      )
      .then((outcome) => {
        run.inFlight--;
        this.inFlight--;
        // A run removed meanwhile (failed) keeps no results.
        if (this.runs.get(run.job.jobId) !== run) return this.pump();
        run.pending.push({
          idx: task.idx,
          ok: outcome.ok,
          http: outcome.http,
          code: outcome.ok ? null : outcome.code,
          message: outcome.ok ? (outcome.message ?? null) : outcome.message,
        });
        if (run.pending.length >= COMMIT_BATCH) this.flush(run);
        if (run.job.status === 'Pausing' && run.inFlight === 0) this.deps.setStatus(run.job, 'Paused');
        this.maybeFinish(run.job.jobId);
        this.pump();
      });
  }

  /** Commit a job's pending results with its counters; check the failure threshold. */
  private flush(run: JobRun): boolean {
    const job = run.job;
    if (job.activeSince !== null) {
      const t = this.deps.now().getTime();
      job.activeMs += t - job.activeSince;
      job.activeSince = t;
    }
    const results = run.pending;
    try {
      if (results.length === 0) {
        this.deps.save(job);
        return true;
      }
      this.deps.record(job, results);
      run.pending = [];
    } catch (e) {
      this.fail(run, e);
      return false;
    }
    const ran = job.succeeded + job.failed;
    if (ran >= FAILURE_THRESHOLD_MIN_TASKS && job.failed / ran > 0.5 && isRunning(job.status)) {
      job.failureReasons = [
        {
          FailureCode: 'TaskFailureThresholdExceeded',
          FailureReason: `More than 50% of ${ran} tasks failed (${job.failed} failed); the job was stopped.`,
        },
      ];
      this.deps.setStatus(job, 'Failing');
      this.maybeFinish(job.jobId);
    }
    return true;
  }

  /** Move a job that has no work left (or is stopping) on to its end once nothing is in flight. */
  private maybeFinish(jobId: string): void {
    const run = this.runs.get(jobId);
    if (!run || run.finishing || run.inFlight > 0) return;
    const stopping = run.job.status === 'Cancelling' || run.job.status === 'Failing';
    if (!stopping && !(run.drained && run.queue.length === 0)) return;
    run.finishing = true;
    if (!this.flush(run)) return;
    this.runs.delete(jobId);
    // The last commit may have crossed the failure threshold (Failing): only a job still running completes.
    if (isRunning(run.job.status)) this.deps.setStatus(run.job, 'Completing');
    this.deps.finish(run.job);
  }

  private fail(run: JobRun, error: unknown): void {
    this.runs.delete(run.job.jobId);
    this.deps.fail(run.job, error);
  }
}
