import type { JobStatus } from '@batchops/batch-formats';
import type { CreateJobInput, S3Tag } from './job-types.js';
import { openSqlite, type SqliteDatabase, type Transaction, transactionOf } from './sqlite.js';

/** One job as the engine keeps it. Times are epoch milliseconds. */
export interface StoredJob {
  readonly jobId: string;
  readonly accountId: string;
  readonly region: string;
  status: JobStatus;
  priority: number;
  readonly creationTime: number;
  terminationDate: number | null;
  /** The CreateJob request without Tags and ClientRequestToken. */
  readonly request: Omit<CreateJobInput, 'Tags' | 'ClientRequestToken'>;
  readonly clientRequestToken: string;
  readonly requestHash: string;
  tags: S3Tag[];
  totalTasks: number | null;
  succeeded: number;
  failed: number;
  /** Time spent in Active before the current Active period. */
  activeMs: number;
  activeSince: number | null;
  statusUpdateReason: string | null;
  failureReasons: Array<{ FailureCode: string; FailureReason: string }>;
  suspendedDate: number | null;
  suspendedCause: string | null;
  generatedManifest: { ObjectArn: string; ETag: string; ObjectVersionId?: string } | null;
}

/** A job as CreateJob makes it: New, nothing run yet. */
export function newJob(
  fields: Pick<
    StoredJob,
    | 'jobId'
    | 'accountId'
    | 'region'
    | 'priority'
    | 'creationTime'
    | 'request'
    | 'clientRequestToken'
    | 'requestHash'
    | 'tags'
  >,
): StoredJob {
  return {
    ...fields,
    status: 'New',
    terminationDate: null,
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
}

interface JobDbRow {
  job_id: string;
  account: string;
  region: string;
  status: string;
  priority: number;
  creation: number;
  termination: number | null;
  request: string;
  token: string;
  request_hash: string;
  tags: string;
  total: number | null;
  succeeded: number;
  failed: number;
  active_ms: number;
  active_since: number | null;
  status_reason: string | null;
  failure_reasons: string;
  suspended_date: number | null;
  suspended_cause: string | null;
  generated_manifest: string | null;
}

// Timestamps inside a stored request come back as Dates, as the SDK types have them.
const DATE_MEMBERS = new Set([
  'CreatedAfter',
  'CreatedBefore',
  'ModifiedSinceConstraint',
  'UnModifiedSinceConstraint',
  'HttpExpiresDate',
  'ObjectLockRetainUntilDate',
  'RetainUntilDate',
]);
const reviveDates = (k: string, v: unknown) =>
  DATE_MEMBERS.has(k) && typeof v === 'string' ? new Date(v) : v;

const toJob = (r: JobDbRow): StoredJob => ({
  jobId: r.job_id,
  accountId: r.account,
  region: r.region,
  status: r.status as JobStatus,
  priority: r.priority,
  creationTime: r.creation,
  terminationDate: r.termination,
  request: JSON.parse(r.request, reviveDates),
  clientRequestToken: r.token,
  requestHash: r.request_hash,
  tags: JSON.parse(r.tags),
  totalTasks: r.total,
  succeeded: r.succeeded,
  failed: r.failed,
  activeMs: r.active_ms,
  activeSince: r.active_since,
  statusUpdateReason: r.status_reason,
  failureReasons: JSON.parse(r.failure_reasons),
  suspendedDate: r.suspended_date,
  suspendedCause: r.suspended_cause,
  generatedManifest: r.generated_manifest ? JSON.parse(r.generated_manifest) : null,
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  job_id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  creation INTEGER NOT NULL,
  termination INTEGER,
  request TEXT NOT NULL,
  token TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  tags TEXT NOT NULL,
  total INTEGER,
  succeeded INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  active_ms INTEGER NOT NULL DEFAULT 0,
  active_since INTEGER,
  status_reason TEXT,
  failure_reasons TEXT NOT NULL DEFAULT '[]',
  suspended_date INTEGER,
  suspended_cause TEXT,
  generated_manifest TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_token ON jobs (account, token);
CREATE INDEX IF NOT EXISTS jobs_list ON jobs (account, region, creation DESC, job_id);
CREATE TABLE IF NOT EXISTS task_results (
  job_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  http INTEGER NOT NULL,
  code TEXT,
  message TEXT,
  PRIMARY KEY (job_id, idx)
) WITHOUT ROWID;
`;

export interface TaskResult {
  readonly idx: number;
  readonly ok: boolean;
  readonly http: number;
  readonly code: string | null;
  readonly message: string | null;
}

/** Jobs and per-task results in SQLite (WAL): a task result and the job's counters commit together. */
export class JobStore {
  private readonly db: SqliteDatabase;
  private readonly stmts;
  /** Runs store calls atomically (its statements compiled once, not per call). */
  readonly transaction: Transaction;

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(SCHEMA);
    this.transaction = transactionOf(this.db);
    const db = this.db;
    this.stmts = {
      insert:
        db.prepare(`INSERT INTO jobs (job_id, account, region, status, priority, creation, request, token, request_hash, tags)
        VALUES (@jobId, @accountId, @region, @status, @priority, @creationTime, @request, @token, @requestHash, @tags)`),
      get: db.prepare('SELECT * FROM jobs WHERE job_id = ?'),
      byToken: db.prepare('SELECT * FROM jobs WHERE account = ? AND token = ?'),
      save: db.prepare(`UPDATE jobs SET status = @status, priority = @priority, termination = @terminationDate, tags = @tags,
        total = @totalTasks, succeeded = @succeeded, failed = @failed, active_ms = @activeMs, active_since = @activeSince,
        status_reason = @statusUpdateReason, failure_reasons = @failureReasons, suspended_date = @suspendedDate,
        suspended_cause = @suspendedCause, generated_manifest = @generatedManifest WHERE job_id = @jobId`),
      unfinished: db.prepare(
        `SELECT * FROM jobs WHERE status NOT IN ('Complete', 'Cancelled', 'Failed') ORDER BY priority DESC, creation`,
      ),
      expiredSuspended: db.prepare(`SELECT * FROM jobs WHERE status = 'Suspended' AND suspended_date < ?`),
      list: db.prepare(
        `SELECT * FROM jobs WHERE account = ? AND region = ? AND (termination IS NULL OR termination >= ?)
         AND (creation < ? OR (creation = ? AND job_id > ?)) ORDER BY creation DESC, job_id LIMIT ?`,
      ),
      addResult: db.prepare(
        'INSERT OR IGNORE INTO task_results (job_id, idx, ok, http, code, message) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      count: db.prepare(
        'SELECT COALESCE(SUM(ok), 0) AS succeeded, COUNT(*) - COALESCE(SUM(ok), 0) AS failed FROM task_results WHERE job_id = ?',
      ),
      resultsAfter: db.prepare(
        'SELECT * FROM task_results WHERE job_id = ? AND idx > ? ORDER BY idx LIMIT ?',
      ),
      doneAfter: db.prepare('SELECT idx FROM task_results WHERE job_id = ? AND idx > ? ORDER BY idx LIMIT ?'),
    };
  }

  close(): void {
    this.db.close();
  }

  insert(job: StoredJob): void {
    this.stmts.insert.run({
      jobId: job.jobId,
      accountId: job.accountId,
      region: job.region,
      status: job.status,
      priority: job.priority,
      creationTime: job.creationTime,
      request: JSON.stringify(job.request),
      token: job.clientRequestToken,
      requestHash: job.requestHash,
      tags: JSON.stringify(job.tags),
    });
  }

  get(jobId: string): StoredJob | undefined {
    const r = this.stmts.get.get(jobId) as JobDbRow | undefined;
    return r && toJob(r);
  }

  byToken(accountId: string, token: string): StoredJob | undefined {
    const r = this.stmts.byToken.get(accountId, token) as JobDbRow | undefined;
    return r && toJob(r);
  }

  save(job: StoredJob): void {
    this.stmts.save.run({
      jobId: job.jobId,
      status: job.status,
      priority: job.priority,
      terminationDate: job.terminationDate,
      tags: JSON.stringify(job.tags),
      totalTasks: job.totalTasks,
      succeeded: job.succeeded,
      failed: job.failed,
      activeMs: job.activeMs,
      activeSince: job.activeSince,
      statusUpdateReason: job.statusUpdateReason,
      failureReasons: JSON.stringify(job.failureReasons),
      suspendedDate: job.suspendedDate,
      suspendedCause: job.suspendedCause,
      generatedManifest: job.generatedManifest ? JSON.stringify(job.generatedManifest) : null,
    });
  }

  unfinished(): StoredJob[] {
    return (this.stmts.unfinished.all() as JobDbRow[]).map(toJob);
  }

  /** Jobs Suspended since before `cutoff` (they fail after 30 days). */
  expiredSuspended(cutoff: number): StoredJob[] {
    return (this.stmts.expiredSuspended.all(cutoff) as JobDbRow[]).map(toJob);
  }

  /** A page of an account's jobs in a Region, newest first, after a (creation, jobId) cursor. */
  list(
    accountId: string,
    region: string,
    endedAfter: number,
    cursor: { creation: number; jobId: string } | undefined,
    limit: number,
  ): StoredJob[] {
    const c = cursor ?? { creation: Number.MAX_SAFE_INTEGER, jobId: '' };
    return (
      this.stmts.list.all(accountId, region, endedAfter, c.creation, c.creation, c.jobId, limit) as JobDbRow[]
    ).map(toJob);
  }

  /**
   * Record task results and the job's counters in one transaction; a result already recorded
   * (a task re-run after a crash) is not counted twice.
   */
  recordResults(job: StoredJob, results: readonly TaskResult[]): void {
    this.transaction(() => {
      for (const r of results) {
        const { changes } = this.stmts.addResult.run(
          job.jobId,
          r.idx,
          r.ok ? 1 : 0,
          r.http,
          r.code,
          r.message,
        );
        if (changes === 1) {
          if (r.ok) job.succeeded++;
          else job.failed++;
        }
      }
      this.save(job);
    });
  }

  /** Counters recomputed from the results (used when a job resumes after a crash). */
  countResults(jobId: string): { succeeded: number; failed: number } {
    return this.stmts.count.get(jobId) as { succeeded: number; failed: number };
  }

  resultsAfter(jobId: string, idx: number, limit: number): TaskResult[] {
    return (
      this.stmts.resultsAfter.all(jobId, idx, limit) as Array<{
        idx: number;
        ok: number;
        http: number;
        code: string | null;
        message: string | null;
      }>
    ).map((r) => ({ idx: r.idx, ok: r.ok === 1, http: r.http, code: r.code, message: r.message }));
  }

  doneAfter(jobId: string, idx: number, limit: number): number[] {
    return (this.stmts.doneAfter.all(jobId, idx, limit) as Array<{ idx: number }>).map((r) => r.idx);
  }
}
