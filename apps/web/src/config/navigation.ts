import type { SideNavigationProps } from '@cloudscape-design/components/side-navigation';

export const paths = {
  jobs: '/batch-operations',
  createJob: '/batch-operations/create',
  cloneJob: (jobId: string) => `/batch-operations/create?cloneFrom=${encodeURIComponent(jobId)}`,
  job: (jobId: string) => `/batch-operations/jobs/${encodeURIComponent(jobId)}`,
  buckets: '/buckets',
} as const;

export const navigationItems: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Batch Operations', href: paths.jobs },
  { type: 'link', text: 'Buckets', href: paths.buckets },
];
