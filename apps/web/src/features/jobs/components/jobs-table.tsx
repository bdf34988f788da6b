import type { JobSummary } from '@batchops/contracts';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { jobsColumnDefinitions } from './jobs-table-config';

interface JobsTableProps {
  readonly jobs: readonly JobSummary[];
  readonly loading: boolean;
  readonly onRefresh: () => void;
}

function CreateJobButton() {
  return (
    <Button variant="primary" disabled disabledReason="The create-job wizard is on its way.">
      Create job
    </Button>
  );
}

function EmptyState() {
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xxs">
        <b>No jobs</b>
        <Box variant="p" color="inherit">
          You don't have any Batch Operations jobs in this Region.
        </Box>
      </SpaceBetween>
      <Box padding={{ top: 's' }}>
        <CreateJobButton />
      </Box>
    </Box>
  );
}

function NoMatchState({ onClear }: { onClear: () => void }) {
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xxs">
        <b>No matches</b>
        <Box variant="p" color="inherit">
          No jobs match the filter.
        </Box>
      </SpaceBetween>
      <Box padding={{ top: 's' }}>
        <Button onClick={onClear}>Clear filter</Button>
      </Box>
    </Box>
  );
}

export function JobsTable({ jobs, loading, onRefresh }: JobsTableProps) {
  const { items, actions, filteredItemsCount, collectionProps, filterProps, paginationProps } = useCollection(
    [...jobs],
    {
      filtering: {
        empty: <EmptyState />,
        noMatch: <NoMatchState onClear={() => actions.setFiltering('')} />,
        filteringFunction: (job, text) =>
          [job.jobId, job.description ?? ''].some((v) => v.toLowerCase().includes(text.toLowerCase())),
      },
      sorting: { defaultState: { sortingColumn: { sortingField: 'creationTime' }, isDescending: true } },
      pagination: { pageSize: 50 },
    },
  );
  return (
    <Table
      {...collectionProps}
      variant="full-page"
      items={items}
      loading={loading}
      loadingText="Loading jobs"
      columnDefinitions={jobsColumnDefinitions}
      trackBy="jobId"
      stickyHeader
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${jobs.length})`}
          description="Perform large-scale batch operations on Amazon S3 objects."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh jobs" onClick={onRefresh} />
              <CreateJobButton />
            </SpaceBetween>
          }
        >
          Batch Operations
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find jobs by description or job ID"
          filteringAriaLabel="Find jobs"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} />}
    />
  );
}
