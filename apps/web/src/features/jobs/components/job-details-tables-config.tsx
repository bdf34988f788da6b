import type { JobFailureReason, S3Tag } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';

export const jobTagsColumnDefinitions: TableProps.ColumnDefinition<S3Tag>[] = [
  { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
  { id: 'value', header: 'Value', cell: (t) => t.value || '-' },
];

export const failureReasonsColumnDefinitions: TableProps.ColumnDefinition<JobFailureReason>[] = [
  { id: 'code', header: 'Failure code', cell: (f) => f.code },
  { id: 'reason', header: 'Reason', cell: (f) => f.reason },
];
