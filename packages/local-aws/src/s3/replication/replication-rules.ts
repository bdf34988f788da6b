import {
  destinationBucketName,
  type ReplicationConfiguration,
  type ReplicationRule,
  type ReplicationTag,
} from '../replication-config.js';

// Which rules of a replication configuration apply to one object version (decision 0017).

/** Whether an enabled rule's filter (V1 Prefix, or V2 Filter Prefix / Tag / And) covers the object. */
export function ruleMatches(
  rule: ReplicationRule,
  key: string,
  tags: readonly ReplicationTag[] | undefined,
): boolean {
  if (rule.Status !== 'Enabled') return false;
  const f = rule.Filter;
  const prefix = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? '';
  if (!key.startsWith(prefix)) return false;
  const wanted = [...(f?.Tag ? [f.Tag] : []), ...(f?.And?.Tags ?? [])];
  return wanted.every((w) => tags?.some((t) => t.Key === w.Key && t.Value === w.Value) ?? false);
}

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
