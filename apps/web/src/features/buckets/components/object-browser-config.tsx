import type { BrowseObject, ObjectReplicationStatus } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import { InAppLink } from '../../../components/in-app-link';

/** A row of the browser: a folder (common prefix) or an object (one version of it, with versions shown). */
export type BrowserItem =
  | { readonly kind: 'folder'; readonly id: string; readonly name: string; readonly prefix: string }
  | { readonly kind: 'object'; readonly id: string; readonly name: string; readonly object: BrowseObject };

export const objectsPageSize = 50;

export function toBrowserItems(
  prefix: string,
  prefixes: readonly string[],
  objects: readonly BrowseObject[],
): BrowserItem[] {
  return [
    ...prefixes.map((p) => ({
      kind: 'folder' as const,
      id: `folder:${p}`,
      name: p.slice(prefix.length),
      prefix: p,
    })),
    ...objects
      // The folder placeholder object ("docs/") is the folder itself.
      .filter((o) => o.key !== prefix)
      .map((o) => ({
        kind: 'object' as const,
        id: statusId(o.key, o.versionId),
        name: o.key.slice(prefix.length),
        object: o,
      })),
  ];
}

export const statusId = (key: string, versionId: string | null) => `${key}\u0000${versionId ?? ''}`;

const STATUS_TYPES: Record<string, StatusIndicatorProps.Type> = {
  COMPLETED: 'success',
  COMPLETE: 'success',
  PENDING: 'pending',
  FAILED: 'error',
  REPLICA: 'info',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

export function objectColumnDefinitions(opts: {
  versions: boolean;
  statuses: ReadonlyMap<string, ObjectReplicationStatus>;
  statusesLoading: boolean;
  onOpenFolder: (prefix: string) => void;
}): TableProps.ColumnDefinition<BrowserItem>[] {
  const columns: (TableProps.ColumnDefinition<BrowserItem> | false)[] = [
    {
      id: 'name',
      header: 'Name',
      isRowHeader: true,
      cell: (i) =>
        i.kind === 'folder' ? (
          <InAppLink href={`#${i.prefix}`} onFollow={() => opts.onOpenFolder(i.prefix)}>
            {i.name}
          </InAppLink>
        ) : (
          i.name
        ),
    },
    {
      id: 'type',
      header: 'Type',
      cell: (i) =>
        i.kind === 'folder'
          ? 'Folder'
          : i.object.deleteMarker
            ? 'Delete marker'
            : (i.name.includes('.') ? i.name.split('.').pop() : '-') || '-',
    },
    opts.versions && {
      id: 'versionId',
      header: 'Version ID',
      // Version IDs are 32 characters: wrap them rather than push the status column off screen.
      width: 220,
      cell: (i) =>
        i.kind === 'object' ? (
          <Box variant="code" fontSize="body-s">
            {i.object.versionId ?? '-'}
            {i.object.isLatest ? ' (current)' : ''}
          </Box>
        ) : (
          '-'
        ),
    },
    {
      id: 'lastModified',
      header: 'Last modified',
      cell: (i) =>
        i.kind === 'object' && i.object.lastModified ? new Date(i.object.lastModified).toLocaleString() : '-',
    },
    {
      id: 'size',
      header: 'Size',
      cell: (i) => (i.kind === 'object' && !i.object.deleteMarker ? formatSize(i.object.size) : '-'),
    },
    {
      id: 'storageClass',
      header: 'Storage class',
      cell: (i) => (i.kind === 'object' ? (i.object.storageClass ?? '-') : '-'),
    },
    {
      id: 'replicationStatus',
      header: 'Replication status',
      cell: (i) => {
        if (i.kind !== 'object' || i.object.deleteMarker) return '-';
        const s = opts.statuses.get(i.id);
        if (!s) return opts.statusesLoading ? <StatusIndicator type="loading">Loading</StatusIndicator> : '-';
        if (s.error) return <StatusIndicator type="warning">{s.error}</StatusIndicator>;
        if (!s.replicationStatus) return '-';
        return (
          <StatusIndicator type={STATUS_TYPES[s.replicationStatus] ?? 'info'}>
            {s.replicationStatus}
          </StatusIndicator>
        );
      },
    },
  ];
  return columns.filter((c): c is TableProps.ColumnDefinition<BrowserItem> => c !== false);
}
