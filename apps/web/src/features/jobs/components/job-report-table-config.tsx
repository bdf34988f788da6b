import type { ReportRow } from '@batchops/contracts';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';

/** A row's key as people read it (the report has it URL-encoded, as in the manifest). */
export const reportRowKey = (r: ReportRow) => decodeURIComponent(r.key.replace(/\+/g, ' '));

/** What "Find rows" looks in: the key as shown, the status, the error code and the message. */
export const reportRowMatches = (r: ReportRow, text: string) => {
  const needle = text.trim().toLowerCase();
  return [reportRowKey(r), r.taskStatus, r.errorCode ?? '', r.resultMessage ?? ''].some((v) =>
    v.toLowerCase().includes(needle),
  );
};

export const reportColumnDefinitions: TableProps.ColumnDefinition<ReportRow>[] = [
  { id: 'key', header: 'Key', cell: reportRowKey, isRowHeader: true },
  { id: 'bucket', header: 'Bucket', cell: (r) => r.bucket },
  {
    id: 'taskStatus',
    header: 'Task status',
    cell: (r) => (
      <StatusIndicator type={r.taskStatus === 'succeeded' ? 'success' : 'error'}>
        {r.taskStatus}
      </StatusIndicator>
    ),
  },
  { id: 'httpStatusCode', header: 'HTTP status', cell: (r) => r.httpStatusCode ?? '-' },
  { id: 'errorCode', header: 'Error code', cell: (r) => r.errorCode || '-' },
  { id: 'resultMessage', header: 'Result message', cell: (r) => r.resultMessage || '-' },
  { id: 'versionId', header: 'Version ID', cell: (r) => r.versionId || '-' },
];

export const reportPageSizeOptions = [
  { value: 100, label: '100 rows' },
  { value: 500, label: '500 rows' },
  { value: 1000, label: '1000 rows' },
];
