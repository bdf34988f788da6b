import { parameterlessOperation } from './parameterless';

export const replicate = parameterlessOperation('replicate', {
  description: "Replicate each object with the source bucket's replication configuration.",
  title: 'Replicate',
  does: "Each object is replicated to the destinations of the source bucket's replication configuration (every enabled rule that applies to it).",
  details: [{ label: 'Replication', value: "The source bucket's replication configuration" }],
});
