import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isEnded, type JobStatus } from '@batchops/batch-formats';
import type { FailureJournal } from './failure-journal.js';
import type { JobAccess } from './job-access.js';
import type { JobStore, StoredJob } from './job-store.js';
import { generateManifest } from './manifest/generate-manifest.js';
import { ManifestFileWriter, readManifestFile } from './manifest/manifest-file.js';
import { PrepareError, prepareManifest } from './manifest/prepare-manifest.js';
import { resolveOperation } from './operations/operation-registry.js';
import { writeCompletionReport } from './report/completion-report.js';
import { checkReportBucket } from './report/report-bucket.js';
import { Scheduler } from './scheduler.js';

const DAY = 86_400_000;
/** A job left Suspended this long fails (S3 User Guide: 30 days). */
export const SUSPENDED_LIMIT_MS = 30 * DAY;

export interface LifecycleDeps extends JobAccess {
  readonly store: JobStore;
  /** Where a failure the store cannot save is kept for the next start. */
  readonly journal: FailureJournal;
  /** Each job's manifest copy and report work files live in `<jobsDir>/<jobId>/`. */
  readonly jobsDir: string;
  readonly assumeRole?: (accountId: string, roleArn: string) => RoleRefusal | undefined;
  readonly concurrency: number;
  readonly now: () => Date;
  readonly log: (line: string) => void;
  /** A job's status or progress changed. */
  readonly emit: (job: StoredJob) => void;
}

/** Why Batch Operations cannot act as a job's role: the job fails while Preparing with it. */
export interface RoleRefusal {
  readonly code: string;
  readonly reason: string;
}

/** The S3 client a job acts through: signed as the job's role. */
const clientOf = (deps: LifecycleDeps, job: StoredJob) =>
  deps.s3(job.accountId, job.region, job.request.RoleArn ?? '');

/**
 * The job lifecycle: New → Preparing → Suspended | Ready → Active → Completing → Complete,
 * Cancelling → Cancelled, Failing → Failed. Owns the one in-memory job map (jobs being prepared,
 * running or finishing; the store has every job) and the scheduler that runs the tasks.
 * A write error (store, manifest copy, report) fails the job with a reason; it never escapes.
 */
export class Lifecycle {
  /** The in-memory copy of every job being prepared, run or finished; other jobs live in the store. */
  readonly jobs = new Map<string, StoredJob>();
  readonly scheduler: Scheduler;
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: LifecycleDeps) {
    this.scheduler = new Scheduler({
      concurrency: deps.concurrency,
      now: deps.now,
      openTasks: (job) => readManifestFile(this.manifestCopy(job))[Symbol.asyncIterator](),
      runTask: (job, task) => {
        const { module, params } = resolveOperation(job.request.Operation);
        return module.run(task.row, params as never, {
          s3: clientOf(deps, job),
          lambda: (region) => {
            if (!deps.lambda) throw new Error('this engine has no Lambda client');
            return deps.lambda(job.accountId, region, job.request.RoleArn ?? '');
          },
          replicate: (object) => {
            if (!deps.replicate) throw new Error('this engine cannot replicate');
            return deps.replicate(job.accountId, job.region, job.request.RoleArn ?? '', object);
          },
          accountId: job.accountId,
          region: job.region,
          jobId: job.jobId,
          encodedKey: task.encodedKey,
          now: deps.now,
        });
      },
      record: (job, results) => {
        deps.store.recordResults(job, results);
        deps.emit(job);
      },
      save: (job) => deps.store.save(job),
      setStatus: (job, status) => this.setStatus(job, status),
      finish: (job) => this.spawn(this.finish(job)),
      fail: (job, error) => this.writeFailed(job, error),
      log: deps.log,
    });
  }

  /** The job as the engine has it now: the in-memory copy, else the stored one. */
  get(jobId: string): StoredJob | undefined {
    return this.jobs.get(jobId) ?? this.deps.store.get(jobId);
  }

  /**
   * At start, before resuming: the jobs whose failure only the journal kept are Failed again —
   * saved now when the store can, else Failed in memory (and not resumed) until it can.
   */
  recoverFailures(): void {
    const { journal, store, log } = this.deps;
    for (const { slot, failure } of journal.entries()) {
      const job = store.get(failure.jobId);
      if (job && !isEnded(job.status)) {
        Object.assign(job, { ...failure, status: 'Failed', activeSince: null });
        try {
          store.save(job);
        } catch (e) {
          this.jobs.set(job.jobId, job);
          log(`job ${job.jobId}: its failure still cannot be saved: ${(e as Error).message}`);
          continue;
        }
      }
      journal.clear(slot);
    }
  }

  /** Pick up an unfinished job where it was left (after a restart or a crash). */
  resume(job: StoredJob): void {
    try {
      switch (job.status) {
        case 'New':
        case 'Preparing':
          this.spawn(this.prepare(job));
          return;
        case 'Suspended':
          return;
        case 'Completing':
        case 'Cancelling':
        case 'Failing':
          Object.assign(job, this.deps.store.countResults(job.jobId));
          this.jobs.set(job.jobId, job);
          this.spawn(this.finish(job));
          return;
        default:
          Object.assign(job, this.deps.store.countResults(job.jobId));
          if (job.activeSince !== null) job.activeSince = this.deps.now().getTime();
          this.run(job, this.doneTasks(job));
      }
    } catch (e) {
      this.writeFailed(job, e);
    }
  }

  /** A new job: prepare it in the background. */
  created(job: StoredJob): void {
    this.spawn(this.prepare(job));
  }

  /** UpdateJobStatus to an allowed status (nextStatusOnRequest). */
  request(job: StoredJob, next: JobStatus): void {
    if (next === 'Ready') {
      this.setStatus(job, 'Ready');
      this.run(job, undefined);
    } else if (next === 'Cancelled') {
      this.scheduler.remove(job.jobId);
      this.jobs.delete(job.jobId);
      this.setStatus(job, 'Cancelled');
    } else {
      this.setStatus(job, next);
      this.scheduler.stopping(job.jobId);
    }
  }

  /** Fail the jobs left Suspended for more than 30 days. */
  expireSuspended(): void {
    for (const job of this.deps.store.expiredSuspended(this.deps.now().getTime() - SUSPENDED_LIMIT_MS)) {
      job.failureReasons = [
        {
          FailureCode: 'SuspendedJobExpired',
          FailureReason: 'The job was left Suspended for more than 30 days.',
        },
      ];
      this.setStatus(job, 'Failed');
    }
  }

  /** Wait for preparations and reports under way. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  setStatus(job: StoredJob, status: JobStatus): void {
    if (job.status === status) return;
    const t = this.deps.now().getTime();
    if (job.status === 'Active' && job.activeSince !== null) {
      job.activeMs += t - job.activeSince;
      job.activeSince = null;
    }
    if (status === 'Active') job.activeSince = t;
    job.status = status;
    if (isEnded(status)) job.terminationDate = t;
    this.save(job);
  }

  /** Save a job and tell listeners; a write error fails the job (in memory when even that cannot be saved). */
  private save(job: StoredJob): void {
    try {
      this.deps.store.save(job);
    } catch (e) {
      this.writeFailed(job, e);
      return;
    }
    this.deps.emit(job);
  }

  /**
   * The engine could not write (or read back) what a job needs. The job fails with the reason; if
   * even that cannot be saved, the failure journal keeps it, so the job stays Failed after a
   * restart too. Never throws.
   */
  writeFailed(job: StoredJob, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.deps.log(`job ${job.jobId}: write error: ${message}`);
    this.scheduler.remove(job.jobId);
    if (!isEnded(job.status)) {
      const t = this.deps.now().getTime();
      if (job.activeSince !== null) {
        job.activeMs += t - job.activeSince;
        job.activeSince = null;
      }
      job.failureReasons = [
        ...job.failureReasons,
        {
          FailureCode: 'InternalError',
          FailureReason: `The job's state could not be written: ${message}`.slice(0, 256),
        },
      ];
      job.status = 'Failed';
      job.terminationDate = t;
    }
    try {
      this.deps.store.save(job);
      this.jobs.delete(job.jobId);
    } catch (e) {
      this.jobs.set(job.jobId, job);
      this.deps.log(`job ${job.jobId}: the failure could not be saved either: ${(e as Error).message}`);
      this.journalFailure(job);
    }
    this.deps.emit(job);
  }

  private journalFailure(job: StoredJob): void {
    try {
      this.deps.journal.record({
        jobId: job.jobId,
        failureReasons: job.failureReasons,
        terminationDate: job.terminationDate ?? this.deps.now().getTime(),
        activeMs: job.activeMs,
      });
    } catch (e) {
      this.deps.log(`job ${job.jobId}: the failure journal could not keep it: ${(e as Error).message}`);
    }
  }

  private run(job: StoredJob, done: Uint8Array | undefined): void {
    this.jobs.set(job.jobId, job);
    this.scheduler.add(job, done);
    this.scheduler.reschedule();
  }

  private manifestCopy(job: StoredJob): string {
    return join(this.deps.jobsDir, job.jobId, 'manifest.csv');
  }

  /** Task indices with a stored result, as a bitmap (a resumed job skips them). */
  private doneTasks(job: StoredJob): Uint8Array {
    const bits = new Uint8Array(Math.ceil((job.totalTasks ?? 0) / 8) + 1);
    let after = -1;
    for (;;) {
      const ids = this.deps.store.doneAfter(job.jobId, after, 50_000);
      for (const i of ids) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
      const last = ids[ids.length - 1];
      if (last === undefined) return bits;
      after = last;
    }
  }

  /** Preparing: check the report bucket, read the manifest (or generate it) into the job's own copy. */
  private async prepare(job: StoredJob): Promise<void> {
    this.jobs.set(job.jobId, job);
    this.setStatus(job, 'Preparing');
    if (job.status !== 'Preparing') return;
    try {
      const dir = join(this.deps.jobsDir, job.jobId);
      mkdirSync(dir, { recursive: true });
      const refused = this.deps.assumeRole?.(job.accountId, job.request.RoleArn ?? '');
      if (refused) throw new PrepareError(refused.code, refused.reason);
      const s3 = clientOf(this.deps, job);
      await checkReportBucket(s3, job);
      const manifest = job.request.Manifest;
      const generator = job.request.ManifestGenerator?.S3JobManifestGenerator;
      if (manifest) {
        job.totalTasks = await prepareManifest(s3, manifest, this.manifestCopy(job));
      } else if (generator) {
        const writer = new ManifestFileWriter(this.manifestCopy(job));
        try {
          // S3's own listing of the source (EngineOptions.inventoryS3); absent: the role's client.
          const inventory = this.deps.inventoryS3?.(job.accountId, job.region);
          job.generatedManifest =
            (await generateManifest(s3, generator, job.jobId, writer, inventory)) ?? null;
          await writer.close();
        } catch (e) {
          writer.destroy();
          throw e;
        }
        job.totalTasks = writer.count;
      } else {
        throw new PrepareError('InvalidManifest', 'The job has no manifest');
      }
    } catch (e) {
      const err = e instanceof PrepareError ? e : new PrepareError('ManifestReadError', (e as Error).message);
      this.jobs.delete(job.jobId);
      // Cancelled while preparing: the cancel stands.
      if (statusOf(job) === 'Cancelled') return;
      this.deps.log(`job ${job.jobId} failed to prepare: ${err.failureCode}: ${err.message}`);
      job.failureReasons = [
        { FailureCode: err.failureCode.slice(0, 64), FailureReason: err.message.slice(0, 256) },
      ];
      this.setStatus(job, 'Failed');
      return;
    }
    if (statusOf(job) === 'Cancelled') {
      this.jobs.delete(job.jobId);
      return;
    }
    if (job.request.ConfirmationRequired !== false) {
      this.jobs.delete(job.jobId);
      job.suspendedDate = this.deps.now().getTime();
      job.suspendedCause = 'AwaitingConfirmation';
      this.setStatus(job, 'Suspended');
    } else {
      this.setStatus(job, 'Ready');
      if (statusOf(job) === 'Ready') this.run(job, undefined);
    }
  }

  /** Write the completion report of a Completing / Cancelling / Failing job and end it. */
  private async finish(job: StoredJob): Promise<void> {
    this.jobs.set(job.jobId, job);
    const end: JobStatus =
      job.status === 'Cancelling' ? 'Cancelled' : job.status === 'Failing' ? 'Failed' : 'Complete';
    const dir = join(this.deps.jobsDir, job.jobId);
    try {
      await writeCompletionReport(
        job,
        this.deps.store,
        this.manifestCopy(job),
        dir,
        clientOf(this.deps, job),
        this.deps.now,
      );
    } catch (e) {
      const err = e as Error;
      this.deps.log(`job ${job.jobId}: writing the completion report failed: ${err.message}`);
      job.failureReasons = [
        ...job.failureReasons,
        {
          FailureCode: 'ReportWriteFailed',
          FailureReason: `Writing the completion report failed: ${err.message}`.slice(0, 256),
        },
      ];
      this.jobs.delete(job.jobId);
      this.setStatus(job, 'Failed');
      return;
    }
    this.jobs.delete(job.jobId);
    this.setStatus(job, end);
    rmSync(join(dir, 'report-succeeded.csv'), { force: true });
    rmSync(join(dir, 'report-failed.csv'), { force: true });
  }

  private spawn(p: Promise<unknown>): void {
    const tracked = p.catch((e: unknown) => this.deps.log(`engine error: ${(e as Error).stack ?? e}`));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }
}

/** The status now (read after awaits and calls that change it, past TypeScript's narrowing). */
const statusOf = (job: StoredJob): JobStatus => job.status;
