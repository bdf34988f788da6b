import { createHash } from 'node:crypto';
import type {
  ReplicationConfiguration,
  ReplicationRuleFilter,
  ReplicationRule as SdkRule,
} from '@aws-sdk/client-s3';
import { bucketArn, bucketOfArn } from '@batchops/batch-formats';
import {
  REPLICATION_STORAGE_CLASSES,
  type ReplicationRule,
  type ReplicationRuleView,
} from '@batchops/contracts';

/** A destination's bucket name, from its ARN (S3 keeps the ARN the rule was saved with). */
export function destinationBucketName(arn: string | undefined): string {
  return arn === undefined ? '' : bucketOfArn(arn);
}

function filterOf(rule: ReplicationRule): ReplicationRuleFilter {
  const { scope } = rule;
  if (scope.type === 'all') return {};
  const tags = scope.tags.map((t) => ({ Key: t.key, Value: t.value }));
  if (tags.length === 0) return { Prefix: scope.prefix };
  if (tags.length === 1 && scope.prefix === '') return { Tag: tags[0] };
  return { And: { ...(scope.prefix ? { Prefix: scope.prefix } : {}), Tags: tags } };
}

/**
 * The form's rule → S3's rule (a V2 rule: Filter, Priority and DeleteMarkerReplication always set).
 * `base` is the rule as stored: what the form does not edit (metrics, RTC, KMS, account) is kept.
 */
export function toSdkRule(rule: ReplicationRule, base: SdkRule = {} as SdkRule): SdkRule {
  const { Prefix: _v1Prefix, ...kept } = base;
  const criteria = { ...base.SourceSelectionCriteria };
  if (rule.replicaModifications) criteria.ReplicaModifications = { Status: 'Enabled' };
  else delete criteria.ReplicaModifications;
  const destination = { ...base.Destination, Bucket: bucketArn(rule.destinationBucket) };
  if (rule.storageClass) destination.StorageClass = rule.storageClass;
  else delete destination.StorageClass;
  return {
    ...kept,
    ID: rule.id,
    Priority: rule.priority,
    Status: rule.status,
    Filter: filterOf(rule),
    Destination: destination,
    DeleteMarkerReplication: { Status: rule.deleteMarkerReplication ? 'Enabled' : 'Disabled' },
    ...(Object.keys(criteria).length > 0 ? { SourceSelectionCriteria: criteria } : {}),
  } as SdkRule;
}

const STORAGE = new Set<string>(REPLICATION_STORAGE_CLASSES);

/** S3's rule → the form's fields, and the names of settings the form leaves alone. */
export function toRuleView(r: SdkRule, index: number): ReplicationRuleView {
  const f = r.Filter;
  const tags = (f?.And?.Tags ?? (f?.Tag ? [f.Tag] : [])).map((t) => ({
    key: t.Key ?? '',
    value: t.Value ?? '',
  }));
  // A V1 rule (no Filter) scopes by its top-level Prefix.
  const prefix = f ? (f.And ? (f.And.Prefix ?? '') : (f.Prefix ?? '')) : (r.Prefix ?? '');
  const other: string[] = [];
  if (r.Destination?.ReplicationTime) other.push('Replication Time Control');
  if (r.Destination?.Metrics) other.push('Replication metrics');
  if (r.Destination?.EncryptionConfiguration || r.SourceSelectionCriteria?.SseKmsEncryptedObjects)
    other.push('KMS encryption');
  if (r.Destination?.Account) other.push('Destination account');
  if (r.Destination?.AccessControlTranslation) other.push('Owner override');
  if (r.Destination?.StorageClass && !STORAGE.has(r.Destination.StorageClass))
    other.push(`Storage class ${r.Destination.StorageClass}`);
  const storageClass =
    r.Destination?.StorageClass && STORAGE.has(r.Destination.StorageClass)
      ? (r.Destination.StorageClass as ReplicationRule['storageClass'])
      : null;
  return {
    rule: {
      // S3 names a rule saved without an ID; this keeps a nameless one addressable.
      id: r.ID ?? `rule-${index + 1}`,
      status: r.Status === 'Enabled' ? 'Enabled' : 'Disabled',
      priority: r.Priority ?? 0,
      scope: prefix === '' && tags.length === 0 ? { type: 'all' } : { type: 'filter', prefix, tags },
      destinationBucket: destinationBucketName(r.Destination?.Bucket),
      storageClass,
      deleteMarkerReplication: r.DeleteMarkerReplication?.Status === 'Enabled',
      replicaModifications: r.SourceSelectionCriteria?.ReplicaModifications?.Status === 'Enabled',
    },
    otherSettings: other,
  };
}

/** A digest of the configuration as S3 returned it: equal digests, same configuration. */
export function revisionOf(cfg: ReplicationConfiguration | undefined): string | null {
  if (!cfg) return null;
  return createHash('sha256').update(JSON.stringify(cfg)).digest('base64url').slice(0, 22);
}
