import type { JobListItem, JobSortField, ListJobsQuery } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import { LiveUpdatesStatus } from '../../../components/live-updates-status';
import { TableEmptyState } from '../../../components/table-empty-state';
import { TableNoMatchState } from '../../../components/table-no-match-state';
import { singleSelectionLabels } from '../../../components/table-selection-labels';
import { paths } from '../../../config/navigation';
import type { StreamStatus } from '../../../lib/stream-status';
import { useMediaQuery } from '../../../lib/use-media-query';
import { allowedJobActions, JobActionModals, type JobModalAction } from './job-action-modals';
import { tokensFromQuery, withFilter } from './jobs-filter';
import {
  jobsColumnDefinitions,
  jobsColumnsForWidth,
  jobsFilteringOptions,
  jobsFilteringProperties,
  jobsPageSize,
  narrowJobsQuery,
} from './jobs-table-config';
import { TryTheDemoButton } from './try-the-demo-button';

interface JobsTableProps {
  readonly jobs: readonly JobListItem[];
  readonly total: number;
  readonly loading: boolean;
  readonly query: ListJobsQuery;
  readonly onQueryChange: (query: ListJobsQuery) => void;
  readonly onRefresh: () => void;
  readonly navigate: (href: string) => void;
  /** How the list's live updates are doing. */
  readonly stream: StreamStatus;
}

const selectionLabels = singleSelectionLabels<JobListItem>('job', (j) => j.jobId);

function JobsFilter(props: {
  query: PropertyFilterProps.Query;
  total: number;
  onChange: PropertyFilterProps['onChange'];
}) {
  return (
    <PropertyFilter
      query={props.query}
      onChange={props.onChange}
      filteringProperties={jobsFilteringProperties}
      filteringOptions={jobsFilteringOptions}
      filteringPlaceholder="Find jobs by job ID, description, tag (key=value), status or operation"
      filteringAriaLabel="Find jobs"
      countText={`${props.total} matches`}
      hideOperations
      expandToViewport
    />
  );
}

function NoJobsState({ navigate }: { navigate: (href: string) => void }) {
  return (
    <TableEmptyState
      title="No jobs"
      description="You don't have any Batch Operations jobs in this Region."
      action={
        <SpaceBetween direction="horizontal" size="xs">
          <TryTheDemoButton navigate={navigate} />
          <Button onClick={() => navigate(paths.createJob)}>Create job</Button>
        </SpaceBetween>
      }
    />
  );
}

/** The list's actions on the selected job (those its status allows), refresh and Create job. */
function JobsTableActions(props: {
  selected: JobListItem | null;
  navigate: (href: string) => void;
  onRefresh: () => void;
  onModal: (action: JobModalAction) => void;
}) {
  const { selected, navigate, onRefresh, onModal } = props;
  const allowed = selected ? allowedJobActions(selected.status) : null;
  const onAction = (id: string) => {
    if (!selected) return;
    if (id === 'clone') navigate(paths.cloneJob(selected.jobId));
    else if (id === 'cancel' || id === 'priority') onModal(id);
  };
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button iconName="refresh" ariaLabel="Refresh jobs" onClick={onRefresh} />
      <Button disabled={!selected} onClick={() => selected && navigate(paths.job(selected.jobId))}>
        View details
      </Button>
      <ButtonDropdown
        disabled={!selected}
        onItemClick={({ detail }) => onAction(detail.id)}
        items={[
          { id: 'clone', text: 'Clone job' },
          { id: 'priority', text: 'Update priority', disabled: !allowed?.priority },
          { id: 'cancel', text: 'Cancel job', disabled: !allowed?.cancel },
        ]}
      >
        Actions
      </ButtonDropdown>
      <Button disabled={!allowed?.run} onClick={() => onModal('run')}>
        Run job
      </Button>
      <Button variant="primary" onClick={() => navigate(paths.createJob)}>
        Create job
      </Button>
    </SpaceBetween>
  );
}

export function JobsTable({
  jobs,
  total,
  loading,
  query,
  onQueryChange,
  onRefresh,
  navigate,
  stream,
}: JobsTableProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [modal, setModal] = useState<JobModalAction | null>(null);
  const selected = jobs.find((j) => j.jobId === selectedId) ?? null;
  const filterQuery = tokensFromQuery(query);
  const filtered = filterQuery.tokens.length > 0;
  const narrow = useMediaQuery(narrowJobsQuery);
  const columns = jobsColumnsForWidth(jobsColumnDefinitions(paths.job, navigate), narrow);
  const sortingColumn = columns.find((c) => c.sortingField === query.sortBy) ?? columns[0];

  const onFilterChange: PropertyFilterProps['onChange'] = ({ detail }) =>
    onQueryChange(withFilter(query, detail));
  const onSortingChange: TableProps<JobListItem>['onSortingChange'] = ({ detail }) =>
    onQueryChange({
      ...query,
      sortBy: (detail.sortingColumn.sortingField ?? 'creationTime') as JobSortField,
      sortOrder: detail.isDescending ? 'desc' : 'asc',
      page: 1,
    });
  const clearFilter = () => onQueryChange(withFilter(query, { operation: 'and', tokens: [] }));

  return (
    <>
      <Table
        variant="full-page"
        items={[...jobs]}
        loading={loading && jobs.length === 0}
        loadingText="Loading jobs"
        columnDefinitions={columns}
        trackBy="jobId"
        wrapLines
        // Wider than a 1280 px screen with the navigation open: the ID stays in view (narrow: it comes first).
        stickyColumns={{ first: narrow ? 0 : 2 }}
        stickyHeader
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.jobId ?? null)}
        ariaLabels={selectionLabels}
        sortingColumn={sortingColumn ?? {}}
        sortingDescending={query.sortOrder === 'desc'}
        onSortingChange={onSortingChange}
        empty={
          filtered ? (
            <TableNoMatchState description="No jobs match the filter." onClearFilter={clearFilter} />
          ) : (
            <NoJobsState navigate={navigate} />
          )
        }
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${total})`}
            info={<LiveUpdatesStatus status={stream} />}
            description="Perform large-scale batch operations on Amazon S3 objects."
            actions={
              <JobsTableActions
                selected={selected}
                navigate={navigate}
                onRefresh={onRefresh}
                onModal={setModal}
              />
            }
          >
            Batch Operations
          </Header>
        }
        filter={<JobsFilter query={filterQuery} total={total} onChange={onFilterChange} />}
        pagination={
          <Pagination
            currentPageIndex={query.page}
            pagesCount={Math.max(1, Math.ceil(total / jobsPageSize))}
            onChange={({ detail }) => onQueryChange({ ...query, page: detail.currentPageIndex })}
          />
        }
      />
      <JobActionModals
        action={modal}
        jobId={selected?.jobId ?? null}
        priority={selected?.priority ?? 0}
        onClose={() => setModal(null)}
      />
    </>
  );
}
