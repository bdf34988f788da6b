import type { ReplicationRuleView } from '@batchops/contracts';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';

export function scopeText(r: ReplicationRuleView['rule']): string {
  if (r.scope.type === 'all') return 'Entire bucket';
  const parts = [
    ...(r.scope.prefix ? [`Prefix ${r.scope.prefix}`] : []),
    ...r.scope.tags.map((t) => `Tag ${t.key}=${t.value}`),
  ];
  return parts.join(', ');
}

export const rulesColumnDefinitions: TableProps.ColumnDefinition<ReplicationRuleView>[] = [
  { id: 'id', header: 'Replication rule name', cell: (v) => v.rule.id, isRowHeader: true },
  {
    id: 'status',
    header: 'Status',
    cell: (v) => (
      <StatusIndicator type={v.rule.status === 'Enabled' ? 'success' : 'stopped'}>
        {v.rule.status}
      </StatusIndicator>
    ),
  },
  { id: 'destination', header: 'Destination bucket', cell: (v) => `s3://${v.rule.destinationBucket}` },
  { id: 'priority', header: 'Priority', cell: (v) => v.rule.priority },
  { id: 'scope', header: 'Scope', cell: (v) => scopeText(v.rule) },
  { id: 'storageClass', header: 'Storage class', cell: (v) => v.rule.storageClass ?? 'Same as source' },
  {
    id: 'deleteMarkers',
    header: 'Delete marker replication',
    cell: (v) => (v.rule.deleteMarkerReplication ? 'Enabled' : 'Disabled'),
  },
  {
    id: 'replicaModifications',
    header: 'Replica modification sync',
    cell: (v) => (v.rule.replicaModifications ? 'Enabled' : 'Disabled'),
  },
];
