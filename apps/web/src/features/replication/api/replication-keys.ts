/** Query keys of the replication feature, generic to specific. */
export const replicationKeys = {
  all: ['replication'] as const,
  config: (bucket: string) => [...replicationKeys.all, 'config', bucket] as const,
};
