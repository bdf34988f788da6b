import { isEnded } from '@batchops/batch-formats';
import { JobDetails, type JobSnapshot } from '@batchops/contracts';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

/**
 * A job never moves back from an ended state: an answer fetched before the job ended (or served from
 * an older DescribeJob) that arrives after the live stream showed the end keeps the stream's state.
 */
export function notBehindStream(fetched: JobDetails, streamed: JobSnapshot | undefined): JobDetails {
  if (!streamed || !isEnded(streamed.status) || isEnded(fetched.status)) return fetched;
  return {
    ...fetched,
    status: streamed.status,
    priority: streamed.priority,
    progress: streamed.progress,
    statusUpdateReason: streamed.statusUpdateReason,
    failureReasons: streamed.failureReasons,
    terminationDate: streamed.terminationDate,
  };
}

export const getJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.detail(jobId),
    queryFn: async ({ signal, client }) =>
      notBehindStream(
        await getJson(apiPath`/api/jobs/${jobId}`, JobDetails)({ signal }),
        client.getQueryData<JobSnapshot>(jobsKeys.snapshot(jobId)),
      ),
  });

export function useJob(jobId: string | null) {
  return useQuery({ ...getJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}

/** After a change to a job: its page and the lists it shows in read it again. */
export const invalidateJob = (queryClient: QueryClient, jobId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: getJobQueryOptions(jobId).queryKey }),
    queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
  ]);
