import { ruleMatches } from '@batchops/batch-formats';
import {
  destinationBucketName,
  type ReplicationConfiguration,
  type ReplicationRule,
  type ReplicationTag,
} from '../replication-config.js';

// Which rules of a replication configuration apply to one object version (decision 0017).

// Re-exported so the rule's callers here keep one import; the rule itself is batch-formats'.
export { ruleMatches };

/**
 * The rules an object version replicates under: of the enabled rules that cover it, one per
 * destination bucket — the highest Priority where rules to one destination overlap (S3's rule
 * conflict resolution; equal or absent priorities: the first in the document). A delete marker
 * goes only where the winning rule has DeleteMarkerReplication Enabled.
 */
export function applicableRules(
  cfg: ReplicationConfiguration,
  key: string,
  tags: readonly ReplicationTag[] | undefined,
  isDeleteMarker = false,
): ReplicationRule[] {
  const byDestination = new Map<string, ReplicationRule>();
  for (const rule of cfg.Rules) {
    if (!ruleMatches(rule, key, tags)) continue;
    const dest = destinationBucketName(rule);
    const held = byDestination.get(dest);
    if (!held || (rule.Priority ?? 0) > (held.Priority ?? 0)) byDestination.set(dest, rule);
  }
  const rules = [...byDestination.values()];
  return isDeleteMarker ? rules.filter((r) => r.DeleteMarkerReplication?.Status === 'Enabled') : rules;
}
