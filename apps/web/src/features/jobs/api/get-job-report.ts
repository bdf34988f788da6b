import { JobReport } from '@batchops/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson, withQuery } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const getJobReportQueryOptions = (jobId: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: jobsKeys.report(jobId, page, pageSize),
    queryFn: getJson(
      withQuery(apiPath`/api/jobs/${jobId}/report`, { page: String(page), pageSize: String(pageSize) }),
      JobReport,
    ),
    placeholderData: keepPreviousData,
  });

export function useJobReport(jobId: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({ ...getJobReportQueryOptions(jobId, page, pageSize), enabled });
}
