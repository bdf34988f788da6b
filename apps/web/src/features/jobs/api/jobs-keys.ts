import type { JobWizardModel, ListJobsQuery } from '@batchops/contracts';

/** The list filter as the SPA sends it (paging and sorting included). */
export type JobsListQuery = Partial<Omit<ListJobsQuery, 'region'>>;

/** Query keys of the jobs feature, generic to specific. */
export const jobsKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobsKeys.all, 'list'] as const,
  /** Every job's status, from the live list stream (the jobs page's overview); never fetched. */
  statuses: () => [...jobsKeys.all, 'statuses'] as const,
  list: (query: JobsListQuery) => [...jobsKeys.lists(), query] as const,
  details: () => [...jobsKeys.all, 'detail'] as const,
  detail: (jobId: string) => [...jobsKeys.details(), jobId] as const,
  snapshot: (jobId: string) => [...jobsKeys.detail(jobId), 'snapshot'] as const,
  report: (jobId: string, page: number, pageSize: number) =>
    [...jobsKeys.detail(jobId), 'report', { page, pageSize }] as const,
  progress: (jobId: string) => [...jobsKeys.detail(jobId), 'progress'] as const,
  clone: (jobId: string) => [...jobsKeys.detail(jobId), 'clone'] as const,
  restoreStatus: (jobId: string) => [...jobsKeys.detail(jobId), 'restore-status'] as const,
  cliCommand: (model: JobWizardModel | null) => [...jobsKeys.all, 'cli-command', model] as const,
  estimate: (model: JobWizardModel | null) => [...jobsKeys.all, 'estimate', model] as const,
};
