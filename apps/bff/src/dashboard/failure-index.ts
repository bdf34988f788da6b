import { mapBounded } from '@batchops/batch-formats';
import type {
  DeniedActionAcrossJobs,
  DeniedActionCount,
  ErrorCodeAcrossJobs,
  ErrorCodeCount,
  JobSummary,
} from '@batchops/contracts';
import { mostDeniedFirst } from '../jobs/report/denied-actions.js';

/** What a job's completion report says of its failures (the parsed report's counts). */
export interface JobFailures {
  readonly jobId: string;
  readonly errorCodes: readonly ErrorCodeCount[];
  readonly deniedActions: readonly DeniedActionCount[];
}

/** Reports read at once, and at most this many jobs' reports per question (the most recent first). */
const READS_AT_ONCE = 4;
export const MAX_REPORTS = 50;
/** Jobs whose failures are remembered (ended jobs' reports never change). */
const KEEP = 500;

/** The jobs whose failures the dashboard counts: ended with failed tasks, newest end first. */
export const withFailures = (jobs: readonly JobSummary[]): JobSummary[] =>
  jobs
    .filter((j) => j.progress.failed > 0 && j.terminationDate !== null)
    .sort((a, b) => (b.terminationDate ?? '').localeCompare(a.terminationDate ?? ''))
    .slice(0, MAX_REPORTS);

/** Reads a job's completion report (the report viewer's `loadReport`). */
export type ReportReader = (jobId: string) => Promise<Omit<JobFailures, 'jobId'>>;

/**
 * The failures of ended jobs, read from their completion reports and kept per job; a job without a
 * readable report is answered `null`.
 */
export class FailureIndex {
  private readonly byJob = new Map<string, JobFailures | null>();

  async failuresOf(read: ReportReader, region: string, jobs: readonly JobSummary[]) {
    const key = (jobId: string) => `${region}:${jobId}`;
    const missing = jobs.filter((j) => !this.byJob.has(key(j.jobId)));
    await mapBounded(missing, READS_AT_ONCE, async (j) => {
      let failures: JobFailures | null;
      try {
        const r = await read(j.jobId);
        failures = { jobId: j.jobId, errorCodes: r.errorCodes, deniedActions: r.deniedActions };
      } catch {
        // No report (not enabled, not written, unreadable): the dashboard names the job instead.
        failures = null;
      }
      this.byJob.set(key(j.jobId), failures);
      for (const k of this.byJob.keys()) {
        if (this.byJob.size <= KEEP) break;
        this.byJob.delete(k);
      }
    });
    return jobs.map((j) => ({ jobId: j.jobId, failures: this.byJob.get(key(j.jobId)) ?? null }));
  }
}

/** Error codes across jobs, most frequent first, each with the jobs that have it (most first). */
export function errorCodesAcross(perJob: readonly JobFailures[]): ErrorCodeAcrossJobs[] {
  const codes = new Map<string, ErrorCodeAcrossJobs>();
  for (const job of perJob) {
    for (const { errorCode, count } of job.errorCodes) {
      const c = codes.get(errorCode) ?? { errorCode, count: 0, jobs: [] };
      codes.set(errorCode, { ...c, count: c.count + count, jobs: [...c.jobs, { jobId: job.jobId, count }] });
    }
  }
  return [...codes.values()]
    .map((c) => ({ ...c, jobs: c.jobs.sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.count - a.count || a.errorCode.localeCompare(b.errorCode));
}

/** AccessDenied failures by missing action across jobs (each job's groups from the report viewer). */
export function deniedActionsAcross(perJob: readonly JobFailures[]): DeniedActionAcrossJobs[] {
  const actions = new Map<string | null, DeniedActionAcrossJobs>();
  for (const job of perJob) {
    for (const d of job.deniedActions) {
      const a = actions.get(d.action);
      actions.set(
        d.action,
        a
          ? { ...a, count: a.count + d.count, jobIds: [...a.jobIds, job.jobId] }
          : { ...d, jobIds: [job.jobId] },
      );
    }
  }
  return [...actions.values()].sort(mostDeniedFirst);
}
