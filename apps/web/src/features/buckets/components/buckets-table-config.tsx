import type { BucketSummary } from '@batchops/contracts';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';

/** The bucket name opens the bucket page (`onOpen` navigates inside the SPA). */
export const bucketsColumnDefinitions = (
  hrefOf: (bucket: string) => string,
  onOpen: (href: string) => void,
): TableProps.ColumnDefinition<BucketSummary>[] => [
  {
    id: 'name',
    header: 'Name',
    cell: (b) => (
      <Link
        href={hrefOf(b.name)}
        onFollow={(e) => {
          e.preventDefault();
          onOpen(hrefOf(b.name));
        }}
      >
        {b.name}
      </Link>
    ),
    sortingField: 'name',
    isRowHeader: true,
  },
  {
    id: 'creationDate',
    header: 'Creation date',
    cell: (b) => (b.creationDate ? new Date(b.creationDate).toLocaleString() : '-'),
    sortingField: 'creationDate',
  },
];

export const bucketsPageSize = 50;
