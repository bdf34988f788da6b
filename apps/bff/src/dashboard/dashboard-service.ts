import { isAwaitingConfirmation, isEnded, schedulingQueue } from '@batchops/batch-formats';
import type { DashboardResponse, JobSummary, PeriodTotals, QueueState } from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { withRates } from '../jobs/live/job-rate.js';
import { loadReport } from '../jobs/report/report-service.js';
import { deniedActionsAcross, errorCodesAcross, withFailures } from './failure-index.js';
import { HOUR_MS, throughputOf } from './throughput.js';

const DAY_MS = 24 * HOUR_MS;

/** Jobs that ended from `since` on, by how they ended (Complete with failed tasks apart). */
export function periodTotals(jobs: readonly JobSummary[], since: number): PeriodTotals {
  const totals: PeriodTotals = {
    completed: 0,
    completedWithFailures: 0,
    failed: 0,
    cancelled: 0,
    tasksSucceeded: 0,
    tasksFailed: 0,
  };
  for (const j of jobs) {
    if (!isEnded(j.status) || j.terminationDate === null || Date.parse(j.terminationDate) < since) continue;
    if (j.status === 'Complete') totals[j.progress.failed > 0 ? 'completedWithFailures' : 'completed']++;
    else totals[j.status === 'Failed' ? 'failed' : 'cancelled']++;
    totals.tasksSucceeded += j.progress.succeeded;
    totals.tasksFailed += j.progress.failed;
  }
  return totals;
}

/** The failures in the reports of the jobs that ended with failed tasks in the last 7 days. */
function failuresOf(deps: JobsServiceDeps, region: string, jobs: readonly JobSummary[]) {
  const since = deps.now() - 7 * DAY_MS;
  const ended = jobs.filter((j) => j.terminationDate !== null && Date.parse(j.terminationDate) >= since);
  return deps.failures.failuresOf((jobId) => loadReport(deps, jobId, region), region, withFailures(ended));
}

const queueStateOf = (status: JobSummary['status']): QueueState =>
  status === 'Active' ? 'Running' : status === 'Ready' ? 'Ready' : 'Paused by a higher priority';

/** The jobs a Region runs now, its throughput over the last hour and its failures over 7 days. */
export async function getDashboard(deps: JobsServiceDeps, region: string): Promise<DashboardResponse> {
  const now = deps.now();
  const listed = await deps.cache.list(deps.clientsFor(region).s3control, region);
  const jobs = withRates(deps.history, region, listed, now);
  const open = jobs.filter((j) => !isEnded(j.status));
  const { points, failureRate } = throughputOf(
    deps.history.samplesSince(region, now - HOUR_MS - 60_000),
    now,
  );
  const read = await failuresOf(deps, region, jobs);
  const perJob = read.flatMap((r) => (r.failures ? [r.failures] : []));
  return {
    region,
    at: new Date(now).toISOString(),
    active: open.filter((j) => !isAwaitingConfirmation(j.status)),
    awaitingConfirmation: open.filter((j) => isAwaitingConfirmation(j.status)),
    queue: schedulingQueue(open, (j) => ({
      priority: j.priority,
      creationTime: Date.parse(j.creationTime),
    })).map((j) => ({ ...j, queueState: queueStateOf(j.status) })),
    throughput: points,
    tasksPerSecond: Math.round(open.reduce((n, j) => n + (j.ratePerSecond ?? 0), 0) * 100) / 100,
    failureRate,
    last24Hours: periodTotals(jobs, now - DAY_MS),
    last7Days: periodTotals(jobs, now - 7 * DAY_MS),
    errorCodes: errorCodesAcross(perJob),
    deniedActions: deniedActionsAcross(perJob),
    reportsUnread: read.filter((r) => r.failures === null).map((r) => r.jobId),
  };
}

/** The jobs (ended in the last 7 days) whose report has failures with `errorCode`. */
export async function jobsWithErrorCode(
  deps: JobsServiceDeps,
  region: string,
  jobs: readonly JobSummary[],
  errorCode: string,
): Promise<Set<string>> {
  const read = await failuresOf(deps, region, jobs);
  return new Set(
    read.filter((r) => r.failures?.errorCodes.some((c) => c.errorCode === errorCode)).map((r) => r.jobId),
  );
}
