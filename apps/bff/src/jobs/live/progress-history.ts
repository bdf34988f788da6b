import { isEnded } from '@batchops/batch-formats';
import type { ProgressSample } from '@batchops/contracts';
import { openSqlite, type SqliteDatabase, transactionOf } from '@batchops/engine';

/** Samples kept per job: when full, every other one of the older half goes (the shape stays). */
export const MAX_SAMPLES = 240;
/** Jobs with a history at once; the least recently sampled job's history goes first. */
export const MAX_JOBS = 200;
/** While nothing changes, one sample this often (a flat stretch of the chart stays flat). */
export const STEADY_SAMPLE_MS = 5_000;

export interface ProgressHistoryOptions {
  /** The SQLite file (decision 0033); absent: kept in memory only (tests). */
  readonly file?: string;
  readonly maxSamples?: number;
  readonly maxJobs?: number;
}

/** A sample of one job of a Region, as the dashboard reads them in bulk. */
export interface JobSample extends ProgressSample {
  readonly jobId: string;
}

interface Row {
  readonly job_id: string;
  readonly at: number;
  readonly status: ProgressSample['status'];
  readonly succeeded: number;
  readonly failed: number;
  readonly total: number | null;
}

const toSample = (r: Row): JobSample => ({
  jobId: r.job_id,
  at: new Date(r.at).toISOString(),
  status: r.status,
  succeeded: r.succeeded,
  failed: r.failed,
  totalTasks: r.total,
});

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS series (
    region TEXT NOT NULL, job_id TEXT NOT NULL, touched INTEGER NOT NULL,
    PRIMARY KEY (region, job_id));
  CREATE INDEX IF NOT EXISTS series_touched ON series (touched);
  CREATE TABLE IF NOT EXISTS samples (
    id INTEGER PRIMARY KEY, region TEXT NOT NULL, job_id TEXT NOT NULL, at INTEGER NOT NULL,
    status TEXT NOT NULL, succeeded INTEGER NOT NULL, failed INTEGER NOT NULL, total INTEGER);
  CREATE INDEX IF NOT EXISTS samples_job ON samples (region, job_id, at);
  CREATE INDEX IF NOT EXISTS samples_at ON samples (region, at);`;

/** The store's statements, compiled once. */
function statements(db: SqliteDatabase) {
  const p = (sql: string) => db.prepare(sql);
  const cols = 'job_id, at, status, succeeded, failed, total';
  return {
    last: p(`SELECT ${cols} FROM samples WHERE region = ? AND job_id = ? ORDER BY at DESC, id DESC LIMIT 1`),
    insert: p(
      'INSERT INTO samples (region, job_id, at, status, succeeded, failed, total) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    touch: p(
      `INSERT INTO series (region, job_id, touched) VALUES (?, ?, (SELECT coalesce(max(touched), 0) + 1 FROM series))
       ON CONFLICT (region, job_id) DO UPDATE SET touched = excluded.touched`,
    ),
    ids: p('SELECT id FROM samples WHERE region = ? AND job_id = ? ORDER BY at, id'),
    deleteId: p('DELETE FROM samples WHERE id = ?'),
    jobs: p('SELECT count(*) AS n FROM series'),
    oldest: p('SELECT region, job_id FROM series ORDER BY touched LIMIT 1'),
    forgetSeries: p('DELETE FROM series WHERE region = ? AND job_id = ?'),
    forgetSamples: p('DELETE FROM samples WHERE region = ? AND job_id = ?'),
    ofJob: p(`SELECT ${cols} FROM samples WHERE region = ? AND job_id = ? ORDER BY at, id`),
    since: p(`SELECT ${cols} FROM samples WHERE region = ? AND at >= ? ORDER BY job_id, at, id`),
  };
}

/**
 * The progress of jobs over time, as the live pollers read it (decisions 0019, 0033): bounded in
 * samples per job and in jobs, kept in a SQLite file under the console's data directory so the
 * charts survive a console restart.
 */
export class ProgressHistory {
  private readonly db: SqliteDatabase;
  private readonly tx: ReturnType<typeof transactionOf>;
  private readonly maxSamples: number;
  private readonly maxJobs: number;
  private readonly q: ReturnType<typeof statements>;
  private closed = false;

  constructor(options: ProgressHistoryOptions = {}) {
    this.db = openSqlite(options.file ?? ':memory:');
    this.db.exec(SCHEMA);
    this.tx = transactionOf(this.db);
    this.maxSamples = options.maxSamples ?? MAX_SAMPLES;
    this.maxJobs = options.maxJobs ?? MAX_JOBS;
    this.q = statements(this.db);
  }

  /**
   * Record a read of the job: kept when it differs from the last sample or the last is old. An
   * ended job's sample is kept once, after samples of it running (the list re-reads ended jobs).
   */
  record(region: string, jobId: string, sample: ProgressSample): void {
    const last = this.q.last.get(region, jobId) as Row | undefined;
    if (isEnded(sample.status) && (last === undefined || isEnded(last.status))) return;
    const at = Date.parse(sample.at);
    const same =
      last !== undefined &&
      last.status === sample.status &&
      last.succeeded === sample.succeeded &&
      last.failed === sample.failed &&
      last.total === sample.totalTasks;
    if (same && at - last.at < STEADY_SAMPLE_MS) return;
    this.tx(() => {
      this.q.touch.run(region, jobId);
      this.q.insert.run(region, jobId, at, sample.status, sample.succeeded, sample.failed, sample.totalTasks);
      this.thin(region, jobId);
      while ((this.q.jobs.get() as { n: number }).n > this.maxJobs) {
        const oldest = this.q.oldest.get() as { region: string; job_id: string };
        this.q.forgetSeries.run(oldest.region, oldest.job_id);
        this.q.forgetSamples.run(oldest.region, oldest.job_id);
      }
    });
  }

  /** Over the job's limit: drop every other sample of the older half (the first and the latest stay). */
  private thin(region: string, jobId: string): void {
    const ids = (this.q.ids.all(region, jobId) as { id: number }[]).map((r) => r.id);
    if (ids.length <= this.maxSamples) return;
    const half = Math.floor(ids.length / 2);
    for (let i = 1; i < half; i += 2) this.q.deleteId.run(ids[i]);
  }

  /** The job's samples, oldest first. */
  samples(region: string, jobId: string): ProgressSample[] {
    return (this.q.ofJob.all(region, jobId) as Row[]).map((r) => {
      const { jobId: _, ...sample } = toSample(r);
      return sample;
    });
  }

  /** Every sample of the Region's jobs from `sinceMs` on, by job, oldest first. */
  samplesSince(region: string, sinceMs: number): JobSample[] {
    return (this.q.since.all(region, sinceMs) as Row[]).map(toSample);
  }

  /** Jobs with a history. */
  get size(): number {
    return (this.q.jobs.get() as { n: number }).n;
  }

  /** Close the file (the app's close; a second call does nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
