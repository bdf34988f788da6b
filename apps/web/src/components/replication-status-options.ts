import { type ReplicationStatusFilter, replicationStatuses } from '@batchops/contracts';

const statusLabels: Record<ReplicationStatusFilter, { label: string; description: string }> = {
  NONE: { label: 'No replication attempted', description: 'NONE: never replicated' },
  FAILED: { label: 'Replication failed', description: 'FAILED: an earlier replication failed' },
  COMPLETED: {
    label: 'Replication completed',
    description: 'COMPLETED: replicate again (a new destination)',
  },
  REPLICA: { label: 'Replica', description: 'REPLICA: objects that are replicas themselves' },
};

/** The replication-status filter's choices, for the wizard's generated manifest and the rule flow's job. */
export const replicationStatusOptions: {
  value: ReplicationStatusFilter;
  label: string;
  description: string;
}[] = replicationStatuses.map((s) => ({ value: s, ...statusLabels[s] }));
