import type { BucketSummary } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { TableEmptyState } from '../../../components/table-empty-state';
import { useFilteredTable } from '../../../components/use-filtered-table';
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
  const { items, collectionProps, filter, pagination } = useFilteredTable(buckets, {
    empty: <TableEmptyState title="No buckets" description="This account has no buckets." />,
    noMatch: 'No buckets match the filter.',
    find: { placeholder: 'Find buckets by name', ariaLabel: 'Find buckets' },
    sortingField: 'name',
    pageSize: bucketsPageSize,
  });
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
      filter={filter}
      pagination={pagination}
    />
  );
}
