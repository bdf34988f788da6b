import type { JobSummary } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';
import { JobStatusIndicator } from './job-status-indicator';

function percent(job: JobSummary): string {
  const { totalTasks, succeeded, failed } = job.progress;
  if (!totalTasks) return '-';
  return `${Math.floor(((succeeded + failed) / totalTasks) * 100)}%`;
}

export const jobsColumnDefinitions: TableProps.ColumnDefinition<JobSummary>[] = [
  { id: 'jobId', header: 'Job ID', cell: (j) => j.jobId, sortingField: 'jobId', isRowHeader: true },
  {
    id: 'description',
    header: 'Description',
    cell: (j) => j.description ?? '-',
    sortingField: 'description',
  },
  {
    id: 'status',
    header: 'Status',
    cell: (j) => <JobStatusIndicator status={j.status} />,
    sortingField: 'status',
  },
  { id: 'operation', header: 'Operation', cell: (j) => j.operation ?? '-', sortingField: 'operation' },
  { id: 'priority', header: 'Priority', cell: (j) => j.priority, sortingField: 'priority' },
  {
    id: 'totalTasks',
    header: 'Total objects',
    cell: (j) => (j.progress.totalTasks ?? '-').toLocaleString(),
  },
  { id: 'progress', header: '% Complete', cell: percent },
  {
    id: 'creationTime',
    header: 'Creation date',
    cell: (j) => new Date(j.creationTime).toLocaleString(),
    sortingField: 'creationTime',
  },
];
