import type { BucketSummary } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';
import { InAppLink } from '../../../components/in-app-link';

/** The bucket name opens the bucket page (`onOpen` navigates inside the SPA). */
export const bucketsColumnDefinitions = (
  hrefOf: (bucket: string) => string,
  onOpen: (href: string) => void,
): TableProps.ColumnDefinition<BucketSummary>[] => [
  {
    id: 'name',
    header: 'Name',
    cell: (b) => (
      <InAppLink href={hrefOf(b.name)} onFollow={onOpen}>
        {b.name}
      </InAppLink>
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
