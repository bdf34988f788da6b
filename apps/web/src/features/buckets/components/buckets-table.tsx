import type { BucketSummary } from '@batchops/contracts';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { TableEmptyState } from '../../../components/table-empty-state';
import { TableNoMatchState } from '../../../components/table-no-match-state';
import { bucketsColumnDefinitions, bucketsPageSize } from './buckets-table-config';

/** The account's buckets, filtered, sorted and paged in the browser (the BFF lists them all at once). */
export function BucketsTable({
  buckets,
  loading,
  hrefOf = (b) => `#${b}`,
  onNavigate = () => {},
  createHref = '#',
}: {
  buckets: readonly BucketSummary[];
  loading: boolean;
  /** The bucket page's address, and how to go there (the router's navigate). */
  hrefOf?: (bucket: string) => string;
  onNavigate?: (href: string) => void;
  createHref?: string;
}) {
  const { items, actions, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(
    [...buckets],
    {
      filtering: {
        empty: <TableEmptyState title="No buckets" description="This account has no buckets." />,
        noMatch: (
          <TableNoMatchState
            description="No buckets match the filter."
            onClearFilter={() => actions.setFiltering('')}
          />
        ),
      },
      sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
      pagination: { pageSize: bucketsPageSize },
    },
  );
  return (
    <Table
      {...collectionProps}
      variant="full-page"
      items={items}
      loading={loading}
      loadingText="Loading buckets"
      columnDefinitions={bucketsColumnDefinitions(hrefOf, onNavigate)}
      trackBy="name"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${buckets.length})`}
          actions={
            <Button
              variant="primary"
              href={createHref}
              onFollow={(e) => {
                e.preventDefault();
                onNavigate(createHref);
              }}
            >
              Create bucket
            </Button>
          }
        >
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
  );
}
