import type { JobStatus } from '@batchops/engine';

/** One job as ListJobs describes it (S3 Control JobListDescriptor). */
export interface JobListEntry {
  readonly jobId: string;
  readonly description?: string;
  readonly operation?: string;
  readonly priority: number;
  readonly status: JobStatus;
  readonly creationTime: Date;
  readonly terminationDate?: Date;
  readonly progress?: {
    readonly total?: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly elapsedActiveSeconds?: number;
  };
}

export interface ListJobsQuery {
  readonly accountId: string;
  readonly region: string;
  readonly statuses: readonly JobStatus[];
  readonly maxResults: number;
  readonly nextToken?: string;
}

/** What the S3 Control routes need of the engine. */
export interface JobsBackend {
  listJobs(query: ListJobsQuery): { jobs: JobListEntry[]; nextToken?: string };
}

/** Until the engine's job store is wired in (issue 4), an account has no jobs. */
export const noJobs: JobsBackend = {
  listJobs: () => ({ jobs: [] }),
};
