import {
  paginateListJobs,
  type S3ControlClient,
  type JobStatus as SdkJobStatus,
} from '@aws-sdk/client-s3-control';
import type { JobStatus, JobSummary } from '@batchops/contracts';
import { toJobSummary } from './jobs-mapping.js';

export interface JobsServiceDeps {
  readonly s3control: S3ControlClient;
  readonly accountId: string;
}

/** Every job of the account in the client's Region, all pages of ListJobs, newest first. */
export async function listAllJobs(
  deps: JobsServiceDeps,
  statuses: readonly JobStatus[],
): Promise<JobSummary[]> {
  const jobs: JobSummary[] = [];
  const pages = paginateListJobs(
    { client: deps.s3control, pageSize: 1000 },
    { AccountId: deps.accountId, ...(statuses.length ? { JobStatuses: statuses as SdkJobStatus[] } : {}) },
  );
  for await (const page of pages) for (const d of page.Jobs ?? []) jobs.push(toJobSummary(d));
  return jobs.sort((a, b) => b.creationTime.localeCompare(a.creationTime));
}
