import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { JobDescriptor, JobListDescriptor, OperationName } from '@aws-sdk/client-s3-control';
import {
  isEnded,
  isRunning,
  type JobStatus,
  jobArn,
  type ManifestRow,
  nextStatusOnRequest,
  type RequestedJobStatus,
} from '@batchops/batch-formats';
import { JobStore, type StoredJob, type TaskResult } from './job-store.js';
import { type CreateJobInput, JobError, type S3Tag } from './job-types.js';
import { generateManifest } from './manifest/generate-manifest.js';
import { ManifestFileWriter, readManifestFile } from './manifest/manifest-file.js';
import { PrepareError, prepareManifest } from './manifest/prepare-manifest.js';
import type { OperationModule } from './operations/operation.js';
import { resolveOperation } from './operations/operation-registry.js';
import { writeCompletionReport } from './report/completion-report.js';

const DAY = 86_400_000;
/** A job left Suspended this long fails (S3 User Guide: 30 days). */
export const SUSPENDED_LIMIT_MS = 30 * DAY;
/** Ended jobs stay listed this long. */
export const LIST_RETENTION_MS = 90 * DAY;
/** After this many tasks, more than half failed fails the job. */
export const FAILURE_THRESHOLD_MIN_TASKS = 1000;

export interface EngineOptions {
  /** Where the job store and the jobs' manifest copies live. */
  readonly dataDir: string;
  /** The S3 client tasks, manifests and reports of an account go through. */
  readonly s3: (accountId: string, region: string) => S3Client;
  /** Tasks in flight over all jobs. */
  readonly concurrency?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** How often task results are committed (and the clock checks run). */
  readonly flushMs?: number;
}

export interface JobChange {
  readonly jobId: string;
  readonly accountId: string;
  readonly region: string;
  readonly status: JobStatus;
  readonly totalTasks: number | null;
  readonly succeeded: number;
  readonly failed: number;
}

interface Task {
  readonly idx: number;
  readonly row: ManifestRow;
}

/** A job that has work to run: its manifest cursor, tasks in flight, results not yet committed. */
interface JobRun {
  readonly job: StoredJob;
  readonly module: OperationModule;
  readonly params: never;
  readonly s3: S3Client;
  tasks: AsyncGenerator<Task[]> | undefined;
  queue: Task[];
  /** Every task has been handed out. */
  drained: boolean;
  inFlight: number;
  pending: TaskResult[];
  /** Task indices already done (after a restart), as a bitmap. */
  done: Uint8Array | undefined;
  finishing: boolean;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The S3 Batch Operations engine: the eight job operations, the lifecycle, a priority scheduler
 * over one pool of workers, and crash-safe progress (jobs and task results in SQLite, each job's
 * manifest copied at preparation). Framework-free: S3 access, clock and log come from options.
 */
export class Engine {
  private readonly store: JobStore;
  private readonly runs = new Map<string, JobRun>();
  /** Jobs being prepared or finished in memory (the store has them too). */
  private readonly live = new Map<string, StoredJob>();
  private readonly events = new EventEmitter();
  private readonly concurrency: number;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly jobsDir: string;
  private inFlight = 0;
  private pumping = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: EngineOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.jobsDir = join(options.dataDir, 'jobs');
    mkdirSync(this.jobsDir, { recursive: true });
    this.store = new JobStore(join(options.dataDir, 'jobs.sqlite'));
    this.concurrency = options.concurrency ?? 64;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.events.setMaxListeners(0);
  }

  /** Pick up every unfinished job where it was left (after a restart or a crash). */
  start(): void {
    for (const job of this.store.unfinished()) {
      switch (job.status) {
        case 'New':
        case 'Preparing':
          this.spawn(this.prepare(job));
          break;
        case 'Suspended':
          break;
        case 'Completing':
        case 'Cancelling':
        case 'Failing':
          Object.assign(job, this.store.countResults(job.jobId));
          this.live.set(job.jobId, job);
          this.spawn(this.finish(job));
          break;
        default:
          Object.assign(job, this.store.countResults(job.jobId));
          if (job.activeSince !== null) job.activeSince = this.now().getTime();
          this.addRun(job, true);
      }
    }
    const flushMs = this.options.flushMs ?? 200;
    this.timer = setInterval(() => this.tick(), flushMs);
    this.timer.unref();
    this.pump();
  }

  /** Stop handing out tasks, let those in flight end, commit their results. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    for (const run of this.runs.values()) this.flush(run);
    await Promise.allSettled([...this.background]);
    this.store.close();
  }

  /** Listen to status and progress changes (live views). Returns the unsubscribe function. */
  onChange(listener: (change: JobChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  // ---------------------------------------------------------------------------------------------
  // The job operations of the S3 Control API

  createJob(accountId: string, region: string, input: CreateJobInput): { jobId: string } {
    const { Tags, ClientRequestToken, ...request } = input;
    const token = ClientRequestToken ?? randomUUID();
    const requestHash = createHash('sha256')
      .update(canonicalJson({ request, Tags: Tags ?? [] }))
      .digest('hex');
    const existing = this.store.byToken(accountId, token);
    if (existing) {
      if (existing.requestHash === requestHash && existing.region === region)
        return { jobId: existing.jobId };
      throw new JobError(
        'IdempotencyException',
        'ClientRequestToken was already used for a different CreateJob request',
      );
    }
    this.validate(request, Tags ?? []);
    const job: StoredJob = {
      jobId: randomUUID(),
      accountId,
      region,
      status: 'New',
      priority: request.Priority ?? 0,
      creationTime: this.now().getTime(),
      terminationDate: null,
      request,
      clientRequestToken: token,
      requestHash,
      tags: Tags ?? [],
      totalTasks: null,
      succeeded: 0,
      failed: 0,
      activeMs: 0,
      activeSince: null,
      statusUpdateReason: null,
      failureReasons: [],
      suspendedDate: null,
      suspendedCause: null,
      generatedManifest: null,
    };
    this.store.insert(job);
    this.emit(job);
    this.spawn(this.prepare(job));
    return { jobId: job.jobId };
  }

  describeJob(accountId: string, jobId: string): JobDescriptor {
    const job = this.job(accountId, jobId);
    const r = job.request;
    return {
      JobId: job.jobId,
      ConfirmationRequired: r.ConfirmationRequired !== false,
      ...(r.Description !== undefined ? { Description: r.Description } : {}),
      JobArn: jobArn(job.region, job.accountId, job.jobId),
      Status: job.status,
      ...(r.Manifest ? { Manifest: r.Manifest } : {}),
      Operation: r.Operation,
      Priority: job.priority,
      ProgressSummary: this.progress(job),
      ...(job.statusUpdateReason ? { StatusUpdateReason: job.statusUpdateReason } : {}),
      FailureReasons: job.failureReasons,
      Report: r.Report,
      CreationTime: new Date(job.creationTime),
      ...(job.terminationDate !== null ? { TerminationDate: new Date(job.terminationDate) } : {}),
      RoleArn: r.RoleArn,
      ...(job.suspendedDate !== null ? { SuspendedDate: new Date(job.suspendedDate) } : {}),
      ...(job.suspendedCause ? { SuspendedCause: job.suspendedCause } : {}),
      ...(r.ManifestGenerator ? { ManifestGenerator: r.ManifestGenerator } : {}),
      ...(job.generatedManifest
        ? {
            GeneratedManifestDescriptor: {
              Format: 'S3InventoryReport_CSV_20211130',
              Location: job.generatedManifest,
            },
          }
        : {}),
    };
  }

  listJobs(query: {
    accountId: string;
    region: string;
    statuses: readonly JobStatus[];
    maxResults: number;
    nextToken?: string;
  }): { jobs: JobListDescriptor[]; nextToken?: string } {
    let cursor: { creation: number; jobId: string } | undefined;
    if (query.nextToken) {
      const m = Buffer.from(query.nextToken, 'base64url')
        .toString('utf8')
        .match(/^(\d+):(.+)$/);
      if (!m) throw new JobError('InvalidNextTokenException', 'The continuation token provided is invalid.');
      cursor = { creation: Number(m[1]), jobId: m[2] as string };
    }
    const want = new Set(query.statuses);
    const endedAfter = this.now().getTime() - LIST_RETENTION_MS;
    const jobs: JobListDescriptor[] = [];
    let last: StoredJob | undefined;
    // Status filtering happens after the read, so read pages until this page is full.
    while (jobs.length < query.maxResults) {
      const page = this.store.list(query.accountId, query.region, endedAfter, cursor, 500);
      for (const stored of page) {
        const job = this.live.get(stored.jobId) ?? this.runs.get(stored.jobId)?.job ?? stored;
        cursor = { creation: job.creationTime, jobId: job.jobId };
        if (want.size && !want.has(job.status)) continue;
        jobs.push(this.listDescriptor(job));
        last = job;
        if (jobs.length === query.maxResults) break;
      }
      if (page.length < 500) {
        if (jobs.length < query.maxResults) last = undefined;
        break;
      }
    }
    if (last && jobs.length === query.maxResults) {
      const more = this.store.list(
        query.accountId,
        query.region,
        endedAfter,
        { creation: last.creationTime, jobId: last.jobId },
        1,
      );
      // No job after the last one: no NextToken. (With a status filter the next page may still turn
      // out empty; clients stop on a page without a token.)
      if (more.length === 0) return { jobs };
      return { jobs, nextToken: Buffer.from(`${last.creationTime}:${last.jobId}`).toString('base64url') };
    }
    return { jobs };
  }

  updateJobPriority(accountId: string, jobId: string, priority: number): { jobId: string; priority: number } {
    const job = this.job(accountId, jobId);
    // The model lists BadRequestException (not JobStatusException) for UpdateJobPriority.
    if (isEnded(job.status)) {
      throw new JobError(
        'BadRequestException',
        `The priority of a job in status ${job.status} cannot be changed`,
      );
    }
    job.priority = priority;
    this.store.save(job);
    this.emit(job);
    this.pump();
    return { jobId, priority };
  }

  updateJobStatus(
    accountId: string,
    jobId: string,
    requested: RequestedJobStatus,
    reason: string | undefined,
  ): { jobId: string; status: JobStatus; statusUpdateReason?: string } {
    const job = this.job(accountId, jobId);
    const next = nextStatusOnRequest(job.status, requested);
    if (next === null) {
      throw new JobError(
        'JobStatusException',
        requested === 'Ready'
          ? `Only a Suspended job can be confirmed; this job is ${job.status}`
          : `A job in status ${job.status} cannot be cancelled`,
      );
    }
    if (reason !== undefined) job.statusUpdateReason = reason;
    if (next === 'Ready') {
      this.setStatus(job, 'Ready');
      this.addRun(job, false);
      this.pump();
    } else if (next === 'Cancelled') {
      this.runs.delete(job.jobId);
      this.setStatus(job, 'Cancelled');
    } else {
      this.setStatus(job, 'Cancelling');
      this.maybeFinish(job.jobId);
    }
    return {
      jobId,
      status: job.status,
      ...(job.statusUpdateReason ? { statusUpdateReason: job.statusUpdateReason } : {}),
    };
  }

  getJobTagging(accountId: string, jobId: string): S3Tag[] {
    return this.job(accountId, jobId).tags;
  }

  putJobTagging(accountId: string, jobId: string, tags: S3Tag[]): void {
    const job = this.job(accountId, jobId);
    checkTags(tags, 'Tags');
    job.tags = tags;
    this.store.save(job);
    this.emit(job);
  }

  deleteJobTagging(accountId: string, jobId: string): void {
    this.putJobTagging(accountId, jobId, []);
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  private validate(request: CreateJobInput, tags: S3Tag[]): void {
    if (!request.Manifest === !request.ManifestGenerator) {
      throw new JobError(
        'BadRequestException',
        'Give either Manifest or ManifestGenerator, not both and not neither',
      );
    }
    const generator = request.ManifestGenerator?.S3JobManifestGenerator;
    if (request.ManifestGenerator && !generator) {
      throw new JobError('BadRequestException', 'ManifestGenerator.S3JobManifestGenerator: required');
    }
    if (generator?.EnableManifestOutput && !generator.ManifestOutputLocation) {
      throw new JobError(
        'BadRequestException',
        'ManifestGenerator.S3JobManifestGenerator.ManifestOutputLocation: required when EnableManifestOutput is true',
      );
    }
    const spec = request.Manifest?.Spec;
    if (spec?.Format === 'S3BatchOperations_CSV_20180820' && spec.Fields) {
      if (!spec.Fields.includes('Bucket') || !spec.Fields.includes('Key')) {
        throw new JobError(
          'BadRequestException',
          'Manifest.Spec.Fields: must name the Bucket and Key columns',
        );
      }
    }
    if (spec?.Format === 'S3InventoryReport_CSV_20161130' && spec.Fields) {
      throw new JobError('BadRequestException', 'Manifest.Spec.Fields: only applies to CSV manifests');
    }
    const report = request.Report;
    if (report?.Enabled) {
      if (!report.Bucket)
        throw new JobError('BadRequestException', 'Report.Bucket: required when the report is enabled');
      if (!report.Format)
        throw new JobError('BadRequestException', 'Report.Format: required when the report is enabled');
      if (!report.ReportScope) {
        throw new JobError('BadRequestException', 'Report.ReportScope: required when the report is enabled');
      }
    }
    const { module, params } = resolveOperation(request.Operation);
    module.check?.(params as never);
    checkTags(tags, 'Tags');
  }

  private async prepare(job: StoredJob): Promise<void> {
    this.live.set(job.jobId, job);
    this.setStatus(job, 'Preparing');
    const dir = join(this.jobsDir, job.jobId);
    mkdirSync(dir, { recursive: true });
    try {
      const s3 = this.options.s3(job.accountId, job.region);
      const manifest = job.request.Manifest;
      const generator = job.request.ManifestGenerator?.S3JobManifestGenerator;
      if (manifest) {
        job.totalTasks = await prepareManifest(s3, manifest, join(dir, 'manifest.csv'));
      } else if (generator) {
        const writer = new ManifestFileWriter(join(dir, 'manifest.csv'));
        try {
          job.generatedManifest = (await generateManifest(s3, generator, job.jobId, writer)) ?? null;
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
      this.live.delete(job.jobId);
      // Cancelled while preparing: the cancel stands.
      if (job.status === 'Cancelled') return;
      this.log(`job ${job.jobId} failed to prepare: ${err.failureCode}: ${err.message}`);
      job.failureReasons = [
        { FailureCode: err.failureCode.slice(0, 64), FailureReason: err.message.slice(0, 256) },
      ];
      this.setStatus(job, 'Failed');
      this.live.delete(job.jobId);
      return;
    }
    this.live.delete(job.jobId);
    if (job.status === 'Cancelled') return;
    if (job.request.ConfirmationRequired !== false) {
      job.suspendedDate = this.now().getTime();
      job.suspendedCause = 'AwaitingConfirmation';
      this.setStatus(job, 'Suspended');
    } else {
      this.setStatus(job, 'Ready');
      this.addRun(job, false);
      this.pump();
    }
  }

  private addRun(job: StoredJob, resumed: boolean): void {
    const { module, params } = resolveOperation(job.request.Operation);
    this.runs.set(job.jobId, {
      job,
      module,
      params: params as never,
      s3: this.options.s3(job.accountId, job.region),
      tasks: undefined,
      queue: [],
      drained: false,
      inFlight: 0,
      pending: [],
      done: resumed ? this.loadDone(job) : undefined,
      finishing: false,
    });
  }

  private loadDone(job: StoredJob): Uint8Array {
    const bits = new Uint8Array(Math.ceil((job.totalTasks ?? 0) / 8) + 1);
    let after = -1;
    for (;;) {
      const ids = this.store.doneAfter(job.jobId, after, 50_000);
      for (const i of ids) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
      const last = ids[ids.length - 1];
      if (last === undefined) return bits;
      after = last;
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
      run.tasks ??= readManifestFile(join(this.jobsDir, run.job.jobId, 'manifest.csv'));
      const next = await run.tasks.next();
      if (next.done) {
        run.drained = true;
        return undefined;
      }
      run.queue = next.value;
    }
  }

  /**
   * Hand out tasks to free workers: the highest-priority jobs with tasks left first (round robin
   * among equals). A lower-priority running job pauses while a higher one has tasks left.
   */
  private pump(): void {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    void (async () => {
      try {
        for (;;) {
          const runnable = [...this.runs.values()]
            .filter((r) => isRunning(r.job.status) && !r.drained && !r.finishing)
            .sort((a, b) => b.job.priority - a.job.priority || a.job.creationTime - b.job.creationTime);
          const top = runnable[0]?.job.priority;
          for (const r of runnable) {
            if (r.job.priority !== top && (r.job.status === 'Active' || r.job.status === 'Pausing')) {
              this.setStatus(r.job, r.inFlight > 0 ? 'Pausing' : 'Paused');
            }
          }
          const group = runnable.filter((r) => r.job.priority === top);
          if (group.length === 0 || this.inFlight >= this.concurrency || this.closed) return;
          let handed = 0;
          for (const run of group) {
            if (this.inFlight >= this.concurrency) break;
            const task = await this.nextTask(run);
            if (!task) {
              this.maybeFinish(run.job.jobId);
              continue;
            }
            if (run.job.status !== 'Active') this.setStatus(run.job, 'Active');
            this.execute(run, task);
            handed++;
          }
          if (handed === 0 && group.every((r) => r.drained)) continue;
        }
      } finally {
        this.pumping = false;
      }
    })().catch((e: unknown) => this.log(`scheduler error: ${(e as Error).stack ?? e}`));
  }

  private execute(run: JobRun, task: Task): void {
    run.inFlight++;
    this.inFlight++;
    const ctx = { s3: run.s3, accountId: run.job.accountId, now: this.now };
    run.module
      .run(task.row, run.params, ctx)
      .catch((e: unknown) => ({
        ok: false as const,
        http: 500,
        code: 'InternalError',
        message: (e as Error).message,
      }))
      .then((outcome) => {
        run.inFlight--;
        this.inFlight--;
        run.pending.push({
          idx: task.idx,
          ok: outcome.ok,
          http: outcome.http,
          code: outcome.ok ? null : outcome.code,
          message: outcome.ok ? (outcome.message ?? null) : outcome.message,
        });
        if (run.pending.length >= 256) this.flush(run);
        if (run.job.status === 'Pausing' && run.inFlight === 0) this.setStatus(run.job, 'Paused');
        this.maybeFinish(run.job.jobId);
        this.pump();
      });
  }

  /** Commit a job's pending task results with its counters; check the failure threshold. */
  private flush(run: JobRun): void {
    const job = run.job;
    if (job.activeSince !== null) {
      const t = this.now().getTime();
      job.activeMs += t - job.activeSince;
      job.activeSince = t;
    }
    if (run.pending.length === 0) {
      this.store.save(job);
      return;
    }
    const results = run.pending;
    run.pending = [];
    this.store.recordResults(job, results);
    this.emit(job);
    const ran = job.succeeded + job.failed;
    if (ran >= FAILURE_THRESHOLD_MIN_TASKS && job.failed / ran > 0.5 && isRunning(job.status)) {
      job.failureReasons = [
        {
          FailureCode: 'TaskFailureThresholdExceeded',
          FailureReason: `More than 50% of ${ran} tasks failed (${job.failed} failed); the job was stopped.`,
        },
      ];
      this.setStatus(job, 'Failing');
      this.maybeFinish(job.jobId);
    }
  }

  private tick(): void {
    for (const run of this.runs.values()) this.flush(run);
    for (const job of this.store.expiredSuspended(this.now().getTime() - SUSPENDED_LIMIT_MS)) {
      job.failureReasons = [
        {
          FailureCode: 'SuspendedJobExpired',
          FailureReason: 'The job was left Suspended for more than 30 days.',
        },
      ];
      this.setStatus(job, 'Failed');
    }
  }

  /** Move a job that has no work left (or is stopping) on to its end once nothing is in flight. */
  private maybeFinish(jobId: string): void {
    const run = this.runs.get(jobId);
    if (!run || run.finishing || run.inFlight > 0) return;
    const stopping = run.job.status === 'Cancelling' || run.job.status === 'Failing';
    if (!stopping && !(run.drained && run.queue.length === 0)) return;
    run.finishing = true;
    this.flush(run);
    if (!stopping) this.setStatus(run.job, 'Completing');
    this.runs.delete(jobId);
    this.live.set(jobId, run.job);
    this.spawn(this.finish(run.job));
  }

  /** Write the completion report of a Completing / Cancelling / Failing job and end it. */
  private async finish(job: StoredJob): Promise<void> {
    const end: JobStatus =
      job.status === 'Cancelling' ? 'Cancelled' : job.status === 'Failing' ? 'Failed' : 'Complete';
    const dir = join(this.jobsDir, job.jobId);
    try {
      await writeCompletionReport(
        job,
        this.store,
        join(dir, 'manifest.csv'),
        dir,
        this.options.s3(job.accountId, job.region),
        this.now,
      );
    } catch (e) {
      const err = e as Error;
      this.log(`job ${job.jobId}: writing the completion report failed: ${err.message}`);
      job.failureReasons = [
        ...job.failureReasons,
        {
          FailureCode: 'ReportWriteFailed',
          FailureReason: `Writing the completion report failed: ${err.message}`.slice(0, 256),
        },
      ];
      this.setStatus(job, 'Failed');
      this.live.delete(job.jobId);
      return;
    }
    this.setStatus(job, end);
    this.live.delete(job.jobId);
    rmSync(join(dir, 'report-succeeded.csv'), { force: true });
    rmSync(join(dir, 'report-failed.csv'), { force: true });
  }

  private setStatus(job: StoredJob, status: JobStatus): void {
    if (job.status === status) return;
    const t = this.now().getTime();
    if (job.status === 'Active' && job.activeSince !== null) {
      job.activeMs += t - job.activeSince;
      job.activeSince = null;
    }
    if (status === 'Active') job.activeSince = t;
    job.status = status;
    if (isEnded(status)) job.terminationDate = t;
    this.store.save(job);
    this.emit(job);
  }

  private emit(job: StoredJob): void {
    this.events.emit('change', {
      jobId: job.jobId,
      accountId: job.accountId,
      region: job.region,
      status: job.status,
      totalTasks: job.totalTasks,
      succeeded: job.succeeded,
      failed: job.failed,
    } satisfies JobChange);
  }

  private spawn(p: Promise<unknown>): void {
    const tracked = p.catch((e: unknown) => this.log(`engine error: ${(e as Error).stack ?? e}`));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** A job of the account (the in-memory copy of a running job, else the stored one). */
  private job(accountId: string, jobId: string): StoredJob {
    const job = this.runs.get(jobId)?.job ?? this.live.get(jobId) ?? this.store.get(jobId);
    if (!job || job.accountId !== accountId) {
      throw new JobError('NotFoundException', `The specified job ${jobId} does not exist`);
    }
    return job;
  }

  private progress(job: StoredJob) {
    const activeMs = job.activeMs + (job.activeSince !== null ? this.now().getTime() - job.activeSince : 0);
    const pending = this.runs.get(job.jobId)?.pending ?? [];
    const pendingOk = pending.filter((p) => p.ok).length;
    return {
      ...(job.totalTasks !== null ? { TotalNumberOfTasks: job.totalTasks } : {}),
      NumberOfTasksSucceeded: job.succeeded + pendingOk,
      NumberOfTasksFailed: job.failed + pending.length - pendingOk,
      Timers: { ElapsedTimeInActiveSeconds: Math.floor(activeMs / 1000) },
    };
  }

  private listDescriptor(job: StoredJob): JobListDescriptor {
    const operation = Object.keys(job.request.Operation ?? {})[0] as OperationName | undefined;
    return {
      JobId: job.jobId,
      ...(job.request.Description !== undefined ? { Description: job.request.Description } : {}),
      ...(operation ? { Operation: operation } : {}),
      Priority: job.priority,
      Status: job.status,
      CreationTime: new Date(job.creationTime),
      ...(job.terminationDate !== null ? { TerminationDate: new Date(job.terminationDate) } : {}),
      ProgressSummary: this.progress(job),
    };
  }
}

/** Job tags: ≤ 50, unique keys (case-sensitive). Lengths and patterns are checked at the wire. */
function checkTags(tags: readonly S3Tag[], field: string): void {
  if (tags.length > 50)
    throw new JobError('TooManyTagsException', `${field}: a job can have at most 50 tags`);
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key as string))
      throw new JobError('BadRequestException', `${field}: duplicate tag key '${t.Key}'`);
    keys.add(t.Key as string);
  }
}
