import { JOB_STATUSES } from '@batchops/batch-formats';
import {
  COMPLETED_WITH_FAILURES,
  COMPLETED_WITHOUT_FAILURES,
  type JobListItem,
  operationLabels,
  operationNames,
} from '@batchops/contracts';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import type { TableProps } from '@cloudscape-design/components/table';
import { linkColumn } from '../../../components/in-app-link';
import { jobLiveColumns } from '../../../components/job-live-columns';
import { JobProgressCell } from './job-progress-cell';
import { JobStatusIndicator } from './job-status-indicator';

export const jobsColumnDefinitions = (
  jobHref: (jobId: string) => string,
  follow: (href: string) => void,
): TableProps.ColumnDefinition<JobListItem>[] => [
  linkColumn({
    id: 'jobId',
    header: 'Job ID',
    text: (j) => j.jobId,
    href: (j) => jobHref(j.jobId),
    onFollow: follow,
  }),
  {
    id: 'description',
    header: 'Description',
    cell: (j) => j.description || '-',
    sortingField: 'description',
  },
  {
    id: 'status',
    header: 'Status',
    cell: (j) => <JobStatusIndicator job={j} />,
    sortingField: 'status',
    minWidth: 140,
  },
  {
    id: 'progress',
    header: 'Progress',
    minWidth: 150,
    cell: (j) => <JobProgressCell progress={j.progress} label={`Progress of ${j.jobId}`} />,
  },
  ...jobLiveColumns,
  { id: 'operation', header: 'Operation', cell: (j) => (j.operation ? operationLabels[j.operation] : '-') },
  { id: 'priority', header: 'Priority', cell: (j) => j.priority, sortingField: 'priority' },
  {
    id: 'tags',
    header: 'Tags',
    cell: (j) => (j.tags.length ? j.tags.map((t) => `${t.key}=${t.value}`).join(', ') : '-'),
  },
  {
    id: 'creationTime',
    header: 'Creation date',
    cell: (j) => new Date(j.creationTime).toLocaleString(),
    sortingField: 'creationTime',
  },
];

export const jobsFilteringProperties: PropertyFilterProps.FilteringProperty[] = [
  { key: 'description', propertyLabel: 'Description', groupValuesLabel: 'Descriptions', operators: [':'] },
  { key: 'jobId', propertyLabel: 'Job ID', groupValuesLabel: 'Job IDs', operators: [':'] },
  { key: 'tagKey', propertyLabel: 'Tag key', groupValuesLabel: 'Tag keys', operators: ['='] },
  { key: 'tagValue', propertyLabel: 'Tag value', groupValuesLabel: 'Tag values', operators: ['='] },
  { key: 'status', propertyLabel: 'Status', groupValuesLabel: 'Statuses', operators: ['='] },
  { key: 'operation', propertyLabel: 'Operation', groupValuesLabel: 'Operations', operators: ['='] },
  { key: 'errorCode', propertyLabel: 'Error code', groupValuesLabel: 'Error codes', operators: ['='] },
  {
    key: 'endedWithinHours',
    propertyLabel: 'Ended within (hours)',
    groupValuesLabel: 'Hours',
    operators: ['='],
  },
];

export const jobsFilteringOptions: PropertyFilterProps.FilteringOption[] = [
  ...JOB_STATUSES.map((s) => ({ propertyKey: 'status', value: s })),
  { propertyKey: 'status', value: COMPLETED_WITH_FAILURES, label: 'Completed with failures' },
  { propertyKey: 'status', value: COMPLETED_WITHOUT_FAILURES, label: 'Completed without failures' },
  ...operationNames.map((o) => ({ propertyKey: 'operation', value: o, label: operationLabels[o] })),
];

export const jobsPageSize = 20;

/** Below this width the list puts what a job is doing next to its ID (the rest scrolls). */
export const narrowJobsQuery = '(max-width: 688px)';
const narrowFirst = ['jobId', 'status', 'progress'];

/** The columns in the order a screen of this width shows them. */
export function jobsColumnsForWidth<T extends { id?: string }>(columns: readonly T[], narrow: boolean): T[] {
  if (!narrow) return [...columns];
  const rank = (c: T) => {
    const i = narrowFirst.indexOf(c.id ?? '');
    return i === -1 ? narrowFirst.length : i;
  };
  return [...columns].sort((a, b) => rank(a) - rank(b));
}
