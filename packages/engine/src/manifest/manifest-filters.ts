import type { ObjectVersion, ReplicationRule } from '@aws-sdk/client-s3';
import type {
  JobManifestGeneratorFilter,
  KeyNameConstraint,
  ObjectEncryptionFilter,
} from '@aws-sdk/client-s3-control';
import { ruleMatches } from '@batchops/batch-formats';

// The S3JobManifestGenerator filters, one function each; generate-manifest.ts runs the listing loop
// and the calls (HeadObject, GetObjectTagging) the later ones need.

/** One object version of the source bucket's listing. */
export interface Candidate {
  readonly key: string;
  /** Absent for the null version. */
  readonly versionId: string | undefined;
  readonly isLatest: boolean;
  readonly size: number;
  readonly lastModified: Date;
  readonly storageClass: string;
}

export function candidateOf(v: ObjectVersion): Candidate {
  return {
    key: v.Key as string,
    versionId: v.VersionId === 'null' ? undefined : v.VersionId,
    isLatest: v.IsLatest === true,
    size: v.Size ?? 0,
    lastModified: v.LastModified ?? new Date(0),
    storageClass: v.StorageClass ?? 'STANDARD',
  };
}

/** Replication filters select every version (Batch Replication); the others the latest only. */
export const selectsAllVersions = (filter: JobManifestGeneratorFilter): boolean =>
  filter.EligibleForReplication === true || (filter.ObjectReplicationStatuses?.length ?? 0) > 0;

/** KeyNameConstraint: every list given must have a match (prefix, suffix, substring). */
export function keyNameMatches(k: KeyNameConstraint | undefined, key: string): boolean {
  return (
    (!k?.MatchAnyPrefix?.length || k.MatchAnyPrefix.some((p) => key.startsWith(p))) &&
    (!k?.MatchAnySuffix?.length || k.MatchAnySuffix.some((p) => key.endsWith(p))) &&
    (!k?.MatchAnySubstring?.length || k.MatchAnySubstring.some((p) => key.includes(p)))
  );
}

/** The filters the listing alone answers: version, key name, dates (exclusive), size, storage class. */
export function listingMatches(filter: JobManifestGeneratorFilter, c: Candidate): boolean {
  return (
    (selectsAllVersions(filter) || c.isLatest) &&
    keyNameMatches(filter.KeyNameConstraint, c.key) &&
    (!filter.CreatedAfter || c.lastModified > filter.CreatedAfter) &&
    (!filter.CreatedBefore || c.lastModified < filter.CreatedBefore) &&
    (filter.ObjectSizeGreaterThanBytes === undefined || c.size > filter.ObjectSizeGreaterThanBytes) &&
    (filter.ObjectSizeLessThanBytes === undefined || c.size < filter.ObjectSizeLessThanBytes) &&
    (!filter.MatchAnyStorageClass?.length || filter.MatchAnyStorageClass.includes(c.storageClass as never))
  );
}

/** Whether the filter needs each candidate's HeadObject (replication status, encryption). */
export const needsHead = (filter: JobManifestGeneratorFilter): boolean =>
  (filter.ObjectReplicationStatuses?.length ?? 0) > 0 || filter.MatchAnyObjectEncryption?.[0] !== undefined;

/** ObjectReplicationStatuses against HeadObject's x-amz-replication-status (none: NONE). */
export function replicationStatusMatches(
  filter: JobManifestGeneratorFilter,
  headStatus: string | undefined,
): boolean {
  if (!filter.ObjectReplicationStatuses?.length) return true;
  const status = headStatus === undefined ? 'NONE' : headStatus === 'COMPLETE' ? 'COMPLETED' : headStatus;
  return filter.ObjectReplicationStatuses.includes(status as never);
}

/** What HeadObject says of a version's encryption beyond its ServerSideEncryption. */
export interface EncryptionDetails {
  readonly kmsKeyId?: string | undefined;
  readonly bucketKeyEnabled?: boolean | undefined;
  readonly customerAlgorithm?: string | undefined;
}

/**
 * The first MatchAnyObjectEncryption entry against HeadObject's ServerSideEncryption, and the
 * model's sub-filters: SSE-KMS / DSSE-KMS by key ARN, SSE-KMS by whether it uses an S3 Bucket Key.
 */
export function encryptionMatches(
  encryption: ObjectEncryptionFilter | undefined,
  sse: string | undefined,
  details: EncryptionDetails = {},
): boolean {
  if (!encryption) return true;
  const keyMatches = (arn: string | undefined) => arn === undefined || arn === details.kmsKeyId;
  if (encryption.SSES3) return (sse === 'AES256' || sse === undefined) && !details.customerAlgorithm;
  if (encryption.SSEKMS) {
    const { KmsKeyArn, BucketKeyEnabled } = encryption.SSEKMS;
    const bucketKey =
      BucketKeyEnabled === undefined || BucketKeyEnabled === (details.bucketKeyEnabled ?? false);
    return sse === 'aws:kms' && keyMatches(KmsKeyArn) && bucketKey;
  }
  if (encryption.DSSEKMS) return sse === 'aws:kms:dsse' && keyMatches(encryption.DSSEKMS.KmsKeyArn);
  if (encryption.SSEC) return details.customerAlgorithm !== undefined;
  // NOTSSE: every object is encrypted at rest now (SSE-S3 by default), so nothing matches.
  return false;
}

export type ReplicationRuleFilter = Pick<ReplicationRule, 'Status' | 'Filter' | 'Prefix'>;

/** Does an enabled replication rule cover this key (and, for tag filters, these tags)? batch-formats' rule. */
export const ruleCovers = (
  rule: ReplicationRuleFilter,
  key: string,
  tags: () => Promise<Map<string, string>>,
): Promise<boolean> | boolean =>
  ruleMatches(rule, key, async () => [...(await tags())].map(([Key, Value]) => ({ Key, Value })));
