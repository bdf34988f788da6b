import type { BucketSummary } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';

export const bucketsColumnDefinitions: TableProps.ColumnDefinition<BucketSummary>[] = [
  { id: 'name', header: 'Name', cell: (b) => b.name, sortingField: 'name', isRowHeader: true },
  {
    id: 'creationDate',
    header: 'Creation date',
    cell: (b) => (b.creationDate ? new Date(b.creationDate).toLocaleString() : '-'),
    sortingField: 'creationDate',
  },
];

export const bucketsPageSize = 50;
