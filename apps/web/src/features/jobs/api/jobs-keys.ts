import type { JobStatus } from '@batchops/contracts';

/** Query keys of the jobs feature, generic to specific. */
export const jobsKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobsKeys.all, 'list'] as const,
  list: (filter: { status: readonly JobStatus[] }) => [...jobsKeys.lists(), filter] as const,
};
