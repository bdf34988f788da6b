import { JobReport } from '@batchops/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function getJobReport(
  jobId: string,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<JobReport> {
  const qs = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  return apiRequest(
    `/api/jobs/${encodeURIComponent(jobId)}/report?${qs}`,
    JobReport,
    signal ? { signal } : {},
  );
}

export const getJobReportQueryOptions = (jobId: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: jobsKeys.report(jobId, page, pageSize),
    queryFn: ({ signal }) => getJobReport(jobId, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });

export function useJobReport(jobId: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({ ...getJobReportQueryOptions(jobId, page, pageSize), enabled });
}
