import type { ListStatus } from '@batchops/contracts';
import { paths } from '../../../config/navigation';

/** The job list filtered as a dashboard number counts (`?status=…`, `?errorCode=…`). */
export function jobListHref(filter: {
  status?: readonly ListStatus[];
  errorCode?: string;
  endedWithinHours?: number;
}): string {
  const qs = new URLSearchParams();
  for (const s of filter.status ?? []) qs.append('status', s);
  if (filter.errorCode) qs.set('errorCode', filter.errorCode);
  if (filter.endedWithinHours) qs.set('endedWithinHours', String(filter.endedWithinHours));
  return qs.size ? `${paths.jobs}?${qs}` : paths.jobs;
}

/** A job's page opened at its completion report, rows found by an error code. */
export const jobReportHref = (jobId: string, errorCode: string): string =>
  `${paths.job(jobId)}?${new URLSearchParams({ reportFilter: errorCode })}`;
