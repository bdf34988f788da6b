import type { BucketSummary } from '@batchops/contracts';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useBuckets } from '../components/s3-browser/api/list-buckets';

const columns: TableProps.ColumnDefinition<BucketSummary>[] = [
  { id: 'name', header: 'Name', cell: (b) => b.name, sortingField: 'name', isRowHeader: true },
  {
    id: 'creationDate',
    header: 'Creation date',
    cell: (b) => (b.creationDate ? new Date(b.creationDate).toLocaleString() : '-'),
    sortingField: 'creationDate',
  },
];

/** The buckets of the account (replication rules per bucket come with the replication issue). */
export function BucketsPage() {
  const buckets = useBuckets();
  const { items, actions, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(
    buckets.data?.buckets ?? [],
    {
      filtering: {
        empty: (
          <Box textAlign="center" color="inherit">
            <b>No buckets</b>
          </Box>
        ),
        noMatch: (
          <Box textAlign="center" color="inherit">
            <b>No matches</b>
            <Box padding={{ top: 's' }}>
              <Button onClick={() => actions.setFiltering('')}>Clear filter</Button>
            </Box>
          </Box>
        ),
      },
      sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
      pagination: { pageSize: 50 },
    },
  );
  return (
    <>
      {buckets.isError && (
        <Alert type="error" header="Could not load buckets">
          {buckets.error.message}
        </Alert>
      )}
      <Table
        {...collectionProps}
        variant="full-page"
        items={items}
        loading={buckets.isPending}
        loadingText="Loading buckets"
        columnDefinitions={columns}
        trackBy="name"
        header={
          <Header variant="awsui-h1-sticky" counter={`(${buckets.data?.buckets.length ?? 0})`}>
            Buckets
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find buckets by name"
            filteringAriaLabel="Find buckets"
            countText={`${filteredItemsCount ?? 0} matches`}
          />
        }
        pagination={<Pagination {...paginationProps} />}
      />
    </>
  );
}
