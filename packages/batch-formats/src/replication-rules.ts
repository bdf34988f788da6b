// Which objects a bucket replication rule covers: local-aws's live replication and the engine's
// generated manifests (EligibleForReplication) both ask this one function.

/** A tag of a rule's filter or of an object. */
export interface RuleTag {
  readonly Key?: string;
  readonly Value?: string;
}

/** The members of a replication rule that say which objects it covers (V1 Prefix, V2 Filter). */
export interface ReplicationRuleScope {
  readonly Status?: string;
  readonly Prefix?: string;
  readonly Filter?: {
    readonly Prefix?: string;
    readonly Tag?: RuleTag;
    readonly And?: { readonly Prefix?: string; readonly Tags?: readonly RuleTag[] };
  };
}

type Tags = readonly RuleTag[] | undefined;

/**
 * Whether an enabled rule's filter (V1 Prefix, or V2 Filter Prefix / Tag / And) covers the object.
 * Tags may be given lazily: they are asked for only when the prefix matches and the filter names tags.
 */
export function ruleMatches(rule: ReplicationRuleScope, key: string, tags: Tags): boolean;
export function ruleMatches(
  rule: ReplicationRuleScope,
  key: string,
  tags: () => Promise<Tags>,
): boolean | Promise<boolean>;
export function ruleMatches(
  rule: ReplicationRuleScope,
  key: string,
  tags: Tags | (() => Promise<Tags>),
): boolean | Promise<boolean> {
  if (rule.Status !== 'Enabled') return false;
  const f = rule.Filter;
  const prefix = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? '';
  if (!key.startsWith(prefix)) return false;
  const wanted = [...(f?.Tag ? [f.Tag] : []), ...(f?.And?.Tags ?? [])];
  if (wanted.length === 0) return true;
  const has = (t: Tags) =>
    wanted.every((w) => t?.some((o) => o.Key === w.Key && o.Value === w.Value) ?? false);
  return typeof tags === 'function' ? tags().then(has) : has(tags);
}
