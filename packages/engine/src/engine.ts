import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JobDescriptor, JobListDescriptor } from '@aws-sdk/client-s3-control';
import {
  isEnded,
  type JobStatus,
  nextStatusOnRequest,
  type RequestedJobStatus,
} from '@batchops/batch-formats';
import { FailureJournal } from './failure-journal.js';
import type { JobAccess } from './job-access.js';
import {
  decodeListToken,
  encodeListToken,
  jobDescriptor,
  jobListDescriptor,
  type ListCursor,
  progressSummary,
} from './job-descriptors.js';
import { JobStore, newJob, type StoredJob } from './job-store.js';
import { type CreateJobInput, JobError, type S3Tag } from './job-types.js';
import { checkTags, checkText, requestHash, validateCreateJob } from './job-validation.js';
import { Lifecycle, type RoleRefusal } from './lifecycle.js';

/** Ended jobs stay listed this long. */
export const LIST_RETENTION_MS = 90 * 86_400_000;

export interface EngineOptions extends JobAccess {
  /** Where the job store and the jobs' manifest copies live. */
  readonly dataDir: string;
  /**
   * Whether Batch Operations may act as a job's role (it exists and trusts the service); a refusal
   * fails the job while Preparing. Absent: every role is accepted.
   */
  readonly assumeRole?: (accountId: string, roleArn: string) => RoleRefusal | undefined;
  /** Tasks in flight over all jobs. */
  readonly concurrency?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** How often task results are committed (and the clock checks run). */
  readonly flushMs?: number;
  /** Opens the job store (tests inject one that fails to write). */
  readonly openStore?: (file: string) => JobStore;
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

/**
 * The S3 Batch Operations engine: the job operations of the S3 Control API over a lifecycle
 * (`lifecycle.ts`) and a priority scheduler (`scheduler.ts`), with crash-safe progress (jobs and
 * task results in SQLite, each job's manifest copied at preparation). Framework-free: S3 access,
 * clock and log come from options.
 */
export class Engine {
  private readonly store: JobStore;
  private readonly journal: FailureJournal;
  private readonly lifecycle: Lifecycle;
  private readonly events = new EventEmitter();
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EngineOptions) {
    const jobsDir = join(options.dataDir, 'jobs');
    mkdirSync(jobsDir, { recursive: true });
    const file = join(options.dataDir, 'jobs.sqlite');
    this.store = options.openStore ? options.openStore(file) : new JobStore(file);
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.events.setMaxListeners(0);
    this.journal = new FailureJournal(join(options.dataDir, 'failed-jobs.journal'));
    this.lifecycle = new Lifecycle({
      store: this.store,
      journal: this.journal,
      jobsDir,
      s3: options.s3,
      ...(options.inventoryS3 ? { inventoryS3: options.inventoryS3 } : {}),
      ...(options.lambda ? { lambda: options.lambda } : {}),
      ...(options.replicate ? { replicate: options.replicate } : {}),
      ...(options.assumeRole ? { assumeRole: options.assumeRole } : {}),
      concurrency: options.concurrency ?? 64,
      now: this.now,
      log: this.log,
      emit: (job) => this.emit(job),
    });
  }

  /** Pick up every unfinished job where it was left (after a restart or a crash). */
  start(): void {
    this.lifecycle.recoverFailures();
    for (const job of this.store.unfinished())
      if (!this.lifecycle.jobs.has(job.jobId)) this.lifecycle.resume(job);
    this.timer = setInterval(() => this.tick(), this.options.flushMs ?? 200);
    this.timer.unref();
  }

  /** Stop handing out tasks, let those in flight end, commit their results. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.lifecycle.scheduler.close();
    await this.lifecycle.settle();
    this.store.close();
    this.journal.close();
  }

  /** Listen to status and progress changes (live views). Returns the unsubscribe function. */
  onChange(listener: (change: JobChange) => void): () => void {
    // A listener that throws must not stop the job that changed (nor end the process).
    const safe = (change: JobChange) => {
      try {
        listener(change);
      } catch (e) {
        this.log(`change listener failed: ${(e as Error).message}`);
      }
    };
    this.events.on('change', safe);
    return () => this.events.off('change', safe);
  }

  // ---------------------------------------------------------------------------------------------
  // The job operations of the S3 Control API

  createJob(accountId: string, region: string, input: CreateJobInput): { jobId: string } {
    const { Tags, ClientRequestToken, ...request } = input;
    const tags = Tags ?? [];
    const token = ClientRequestToken ?? randomUUID();
    const hash = requestHash(request, tags);
    const existing = this.store.byToken(accountId, token);
    if (existing) {
      if (existing.requestHash === hash && existing.region === region) return { jobId: existing.jobId };
      throw new JobError(
        'IdempotencyException',
        'ClientRequestToken was already used for a different CreateJob request',
      );
    }
    validateCreateJob(request, tags);
    const job = newJob({
      jobId: randomUUID(),
      accountId,
      region,
      priority: request.Priority ?? 0,
      creationTime: this.now().getTime(),
      request,
      clientRequestToken: token,
      requestHash: hash,
      tags,
    });
    // A write error here is the request's (500): no job exists yet.
    this.store.insert(job);
    this.emit(job);
    this.lifecycle.created(job);
    return { jobId: job.jobId };
  }

  describeJob(accountId: string, jobId: string): JobDescriptor {
    const job = this.job(accountId, jobId);
    return jobDescriptor(job, this.progress(job));
  }

  listJobs(query: {
    accountId: string;
    region: string;
    statuses: readonly JobStatus[];
    maxResults: number;
    nextToken?: string;
  }): { jobs: JobListDescriptor[]; nextToken?: string } {
    let cursor: ListCursor | undefined = query.nextToken ? decodeListToken(query.nextToken) : undefined;
    const want = new Set(query.statuses);
    const endedAfter = this.now().getTime() - LIST_RETENTION_MS;
    const jobs: JobListDescriptor[] = [];
    let last: StoredJob | undefined;
    // Status filtering happens after the read, so read pages until this page is full.
    while (jobs.length < query.maxResults) {
      const page = this.store.list(query.accountId, query.region, endedAfter, cursor, 500);
      for (const stored of page) {
        const job = this.lifecycle.jobs.get(stored.jobId) ?? stored;
        cursor = { creation: job.creationTime, jobId: job.jobId };
        if (want.size && !want.has(job.status)) continue;
        jobs.push(jobListDescriptor(job, this.progress(job)));
        last = job;
        if (jobs.length === query.maxResults) break;
      }
      if (page.length < 500) {
        if (jobs.length < query.maxResults) last = undefined;
        break;
      }
    }
    if (last && jobs.length === query.maxResults) {
      const after = { creation: last.creationTime, jobId: last.jobId };
      // No job after the last one: no NextToken. (With a status filter the next page may still turn
      // out empty; clients stop on a page without a token.)
      if (this.store.list(query.accountId, query.region, endedAfter, after, 1).length === 0) return { jobs };
      return { jobs, nextToken: encodeListToken(after) };
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
    this.lifecycle.scheduler.reschedule();
    return { jobId, priority };
  }

  updateJobStatus(
    accountId: string,
    jobId: string,
    requested: RequestedJobStatus,
    reason: string | undefined,
  ): { jobId: string; status: JobStatus; statusUpdateReason?: string } {
    if (reason !== undefined) checkText(reason, 'StatusUpdateReason');
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
    this.lifecycle.request(job, next);
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

  /** Commit results and run the clock checks; nothing thrown here may end the process. */
  private tick(): void {
    this.lifecycle.scheduler.flushAll();
    try {
      this.lifecycle.expireSuspended();
    } catch (e) {
      this.log(`expiring Suspended jobs failed: ${(e as Error).message}`);
    }
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

  /** A job of the account (the in-memory copy of a job being worked on, else the stored one). */
  private job(accountId: string, jobId: string): StoredJob {
    const job = this.lifecycle.get(jobId);
    if (!job || job.accountId !== accountId) {
      throw new JobError('NotFoundException', `The specified job ${jobId} does not exist`);
    }
    return job;
  }

  private progress(job: StoredJob) {
    return progressSummary(job, this.lifecycle.scheduler.pending(job.jobId), this.now().getTime());
  }
}
