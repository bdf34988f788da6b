import type { SideNavigationProps } from '@cloudscape-design/components/side-navigation';

export const paths = {
  jobs: '/batch-operations',
  buckets: '/buckets',
} as const;

export const navigationItems: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Batch Operations', href: paths.jobs },
  { type: 'link', text: 'Buckets', href: paths.buckets },
];
