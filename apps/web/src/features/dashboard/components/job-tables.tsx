import { consoleStatus } from '@batchops/batch-formats';
import { type JobSummary, operationLabels, type QueuedJob } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import type { TableProps } from '@cloudscape-design/components/table';
import { linkColumn } from '../../../components/in-app-link';
import { jobLiveColumns } from '../../../components/job-live-columns';
import { paths } from '../../../config/navigation';
import { DashboardTable, type TableOf } from './dashboard-table';

const jobIdColumn = <T extends JobSummary>(follow: (href: string) => void) =>
  linkColumn<T>({
    id: 'jobId',
    header: 'Job ID',
    text: (j) => j.jobId,
    href: (j) => paths.job(j.jobId),
    onFollow: follow,
  });

const describe = (j: JobSummary) =>
  [j.description, j.operation ? operationLabels[j.operation] : null].filter(Boolean).join(' · ') || '-';

/** Job ID (a link to its page), what it does, its priority. */
const jobColumns = <T extends JobSummary>(
  follow: (href: string) => void,
): TableProps.ColumnDefinition<T>[] => [
  jobIdColumn<T>(follow),
  { id: 'what', header: 'Description', cell: describe },
  { id: 'priority', header: 'Priority', cell: (j) => j.priority },
];

/** A row of the active jobs: its place in the scheduler's queue, if it holds or waits for workers. */
type ActiveRow = JobSummary & { readonly place: number | null; readonly state: string };

/** The queue (in the scheduler's order) first, then the other active jobs (preparing, ending). */
export function activeRows(queue: readonly QueuedJob[], active: readonly JobSummary[]): ActiveRow[] {
  const queued = new Set(queue.map((j) => j.jobId));
  return [
    ...queue.map((j, i) => ({ ...j, place: i + 1, state: j.queueState })),
    ...active
      .filter((j) => !queued.has(j.jobId))
      .map((j) => ({ ...j, place: null, state: consoleStatus(j).label })),
  ];
}

/** Active jobs in the order the scheduler runs them, with their state, rate, ETA and failed share. */
export function ActiveJobsTable(props: TableOf<ActiveRow>) {
  return (
    <DashboardTable
      {...props}
      title="Active jobs, queue by priority"
      description="In the order the scheduler runs them (higher priority first, then the oldest), then jobs being prepared or ending. Rate and ETA from the last seconds."
      trackBy="jobId"
      empty="No active jobs"
      columns={[
        { id: 'place', header: 'Queue', cell: (j) => j.place ?? '-' },
        ...jobColumns<ActiveRow>(props.follow),
        { id: 'state', header: 'State', cell: (j) => j.state },
        ...jobLiveColumns,
      ]}
    />
  );
}

/** Jobs waiting for the user's confirmation, each with Run. */
export function AwaitingConfirmationTable({
  onRun,
  ...props
}: TableOf<JobSummary> & { onRun: (jobId: string) => void }) {
  return (
    <DashboardTable
      {...props}
      title="Awaiting confirmation"
      description="Suspended until someone reviews and runs them."
      trackBy="jobId"
      empty="No job awaits confirmation"
      columns={[
        ...jobColumns(props.follow),
        {
          id: 'run',
          header: 'Action',
          cell: (j) => (
            <Button formAction="none" ariaLabel={`Run job ${j.jobId}`} onClick={() => onRun(j.jobId)}>
              Run
            </Button>
          ),
        },
      ]}
    />
  );
}
