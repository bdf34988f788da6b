import type { SideNavigationProps } from '@cloudscape-design/components/side-navigation';

export const paths = {
  jobs: '/batch-operations',
  dashboard: '/batch-operations/dashboard',
  createJob: '/batch-operations/create',
  /** The wizard prefilled with the seeded demo job, on its Review step. */
  tryDemo: '/batch-operations/create?demo=1',
  cloneJob: (jobId: string) => `/batch-operations/create?cloneFrom=${encodeURIComponent(jobId)}`,
  job: (jobId: string) => `/batch-operations/jobs/${encodeURIComponent(jobId)}`,
  buckets: '/buckets',
  createBucket: '/bucket/create',
  bucket: (bucket: string, tab?: 'objects' | 'management') =>
    `/buckets/${encodeURIComponent(bucket)}${tab ? `?tab=${tab}` : ''}`,
  /** The bucket browser opened at a folder (`prefix` ends in `/`, or is empty for the bucket's root). */
  bucketFolder: (bucket: string, prefix: string) =>
    `/buckets/${encodeURIComponent(bucket)}${prefix ? `?${new URLSearchParams({ prefix })}` : ''}`,
  createReplicationRule: (bucket: string) => `/buckets/${encodeURIComponent(bucket)}/replication/create`,
  editReplicationRule: (bucket: string, ruleId: string) =>
    `/buckets/${encodeURIComponent(bucket)}/replication/${encodeURIComponent(ruleId)}/edit`,
  /** source: `new` after a first rule, `destination` after a new destination, `existing` from the rules table. */
  batchReplicationJob: (bucket: string, source: 'new' | 'destination' | 'existing') =>
    `/buckets/${encodeURIComponent(bucket)}/replication/batch-job?source=${source}`,
} as const;

export const navigationItems: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Batch Operations', href: paths.jobs },
  { type: 'link', text: 'Dashboard', href: paths.dashboard },
  { type: 'link', text: 'Buckets', href: paths.buckets },
];
