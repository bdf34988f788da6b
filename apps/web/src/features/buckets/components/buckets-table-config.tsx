import type { BucketSummary } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';
import { linkColumn } from '../../../components/in-app-link';

/** The bucket name opens the bucket page (`onOpen` navigates inside the SPA). */
export const bucketsColumnDefinitions = (
  hrefOf: (bucket: string) => string,
  onOpen: (href: string) => void,
): TableProps.ColumnDefinition<BucketSummary>[] => [
  linkColumn({
    id: 'name',
    header: 'Name',
    text: (b) => b.name,
    href: (b) => hrefOf(b.name),
    onFollow: onOpen,
    sortingField: 'name',
  }),
  {
    id: 'creationDate',
    header: 'Creation date',
    cell: (b) => (b.creationDate ? new Date(b.creationDate).toLocaleString() : '-'),
    sortingField: 'creationDate',
  },
];

export const bucketsPageSize = 50;
