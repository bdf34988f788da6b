import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  GetBucketReplicationCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type ReplicationRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { S3JobManifestGenerator } from '@aws-sdk/client-s3-control';
import { encodeKey, type ManifestRow } from '@batchops/batch-formats';
import type { ManifestFileWriter } from './manifest-file.js';
import { PrepareError } from './prepare-manifest.js';

const bucketName = (arn: string) => arn.replace(/^arn:[^:]+:s3:[^:]*:[^:]*:/, '');

interface Candidate {
  key: string;
  versionId: string | undefined;
  isLatest: boolean;
  size: number;
  lastModified: Date;
  storageClass: string;
}

type Rule = Pick<ReplicationRule, 'Status' | 'Filter' | 'Prefix'>;

/** Does an enabled replication rule cover this key (and, for tag filters, these tags)? */
function ruleCovers(
  rule: Rule,
  key: string,
  tags: () => Promise<Map<string, string>>,
): Promise<boolean> | boolean {
  if (rule.Status !== 'Enabled') return false;
  const f = rule.Filter;
  const prefix = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? '';
  if (!key.startsWith(prefix)) return false;
  const wanted = [...(f?.Tag ? [f.Tag] : []), ...(f?.And?.Tags ?? [])];
  if (wanted.length === 0) return true;
  return tags().then((t) => wanted.every((w) => t.get(w.Key as string) === w.Value));
}

/**
 * Build a job's manifest from its S3JobManifestGenerator: list the source bucket's versions and keep
 * those the filter matches (dates, key name, size, storage class, replication eligibility and
 * status, encryption). Rows go straight into the job's manifest copy; with EnableManifestOutput the
 * list is also written as an S3InventoryReport_CSV_20211130 manifest, whose location is returned.
 */
export async function generateManifest(
  s3: S3Client,
  generator: S3JobManifestGenerator,
  jobId: string,
  writer: ManifestFileWriter,
): Promise<{ ObjectArn: string; ETag: string } | undefined> {
  const source = bucketName(generator.SourceBucket ?? '');
  const filter = generator.Filter ?? {};
  const needsReplication =
    filter.EligibleForReplication === true || (filter.ObjectReplicationStatuses?.length ?? 0) > 0;
  let rules: Rule[] = [];
  if (filter.EligibleForReplication) {
    try {
      const out = await s3.send(new GetBucketReplicationCommand({ Bucket: source }));
      rules = out.ReplicationConfiguration?.Rules ?? [];
    } catch (e) {
      const err = e as Error;
      throw new PrepareError(
        err.name === 'ReplicationConfigurationNotFoundError' ? 'SrcBucketReplicationConfigMissing' : err.name,
        `The source bucket ${source} has no replication configuration to select eligible objects with`,
      );
    }
  }
  const k = filter.KeyNameConstraint;
  const keyMatches = (key: string) =>
    (!k?.MatchAnyPrefix?.length || k.MatchAnyPrefix.some((p) => key.startsWith(p))) &&
    (!k?.MatchAnySuffix?.length || k.MatchAnySuffix.some((p) => key.endsWith(p))) &&
    (!k?.MatchAnySubstring?.length || k.MatchAnySubstring.some((p) => key.includes(p)));
  const cheapMatch = (c: Candidate) =>
    (needsReplication || c.isLatest) &&
    keyMatches(c.key) &&
    (!filter.CreatedAfter || c.lastModified > filter.CreatedAfter) &&
    (!filter.CreatedBefore || c.lastModified < filter.CreatedBefore) &&
    (filter.ObjectSizeGreaterThanBytes === undefined || c.size > filter.ObjectSizeGreaterThanBytes) &&
    (filter.ObjectSizeLessThanBytes === undefined || c.size < filter.ObjectSizeLessThanBytes) &&
    (!filter.MatchAnyStorageClass?.length || filter.MatchAnyStorageClass.includes(c.storageClass as never));
  const encryption = filter.MatchAnyObjectEncryption?.[0];
  const needsHead = (filter.ObjectReplicationStatuses?.length ?? 0) > 0 || encryption !== undefined;

  async function fullMatch(c: Candidate): Promise<boolean> {
    if (needsHead) {
      const head = await s3.send(
        new HeadObjectCommand({ Bucket: source, Key: c.key, VersionId: c.versionId }),
      );
      const status =
        head.ReplicationStatus === undefined
          ? 'NONE'
          : head.ReplicationStatus === 'COMPLETE'
            ? 'COMPLETED'
            : head.ReplicationStatus;
      if (
        filter.ObjectReplicationStatuses?.length &&
        !filter.ObjectReplicationStatuses.includes(status as never)
      )
        return false;
      if (encryption) {
        const sse = head.ServerSideEncryption;
        const matches = encryption.SSES3
          ? sse === 'AES256' || sse === undefined
          : encryption.SSEKMS
            ? sse === 'aws:kms'
            : encryption.DSSEKMS
              ? sse === 'aws:kms:dsse'
              : encryption.NOTSSE
                ? false
                : false;
        if (!matches) return false;
      }
    }
    if (filter.EligibleForReplication) {
      let tags: Map<string, string> | undefined;
      const loadTags = async () => {
        tags ??= new Map(
          (
            (
              await s3.send(
                new GetObjectTaggingCommand({ Bucket: source, Key: c.key, VersionId: c.versionId }),
              )
            ).TagSet ?? []
          ).map((t) => [t.Key as string, t.Value as string]),
        );
        return tags;
      };
      let covered = false;
      for (const rule of rules) if (await ruleCovers(rule, c.key, loadTags)) covered = true;
      if (!covered) return false;
    }
    return true;
  }

  const output: string[] = [];
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  try {
    for (;;) {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: source,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
          ...(k?.MatchAnyPrefix?.length === 1 ? { Prefix: k.MatchAnyPrefix[0] } : {}),
        }),
      );
      const rows: ManifestRow[] = [];
      for (const v of page.Versions ?? []) {
        const c: Candidate = {
          key: v.Key as string,
          versionId: v.VersionId === 'null' ? undefined : v.VersionId,
          isLatest: v.IsLatest === true,
          size: v.Size ?? 0,
          lastModified: v.LastModified ?? new Date(0),
          storageClass: v.StorageClass ?? 'STANDARD',
        };
        if (!cheapMatch(c) || !(await fullMatch(c))) continue;
        const row: ManifestRow = { bucket: source, key: c.key };
        if (c.versionId && needsReplication) row.versionId = c.versionId;
        rows.push(row);
        if (generator.EnableManifestOutput)
          output.push(`"${source}","${encodeKey(c.key)}","${c.versionId ?? ''}"`);
      }
      await writer.write(rows);
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
  } catch (e) {
    if (e instanceof PrepareError) throw e;
    const err = e as Error;
    throw new PrepareError(
      err.name === 'NoSuchBucket' ? 'SrcBucketNotFound' : err.name,
      `Listing s3://${source} failed: ${err.message}`,
    );
  }
  if (!generator.EnableManifestOutput) return undefined;
  const location = generator.ManifestOutputLocation;
  if (!location?.Bucket)
    throw new PrepareError(
      'InvalidManifestOutput',
      'ManifestOutputLocation.Bucket is required with EnableManifestOutput',
    );
  const outBucket = bucketName(location.Bucket);
  const base = `${(location.ManifestPrefix ?? '').replace(/\/+$/, '')}${location.ManifestPrefix ? '/' : ''}job-${jobId}/`;
  const data = gzipSync(output.length ? `${output.join('\n')}\n` : '');
  const dataKey = `${base}data/${createHash('sha1').update(jobId).digest('hex')}.csv.gz`;
  await s3.send(new PutObjectCommand({ Bucket: outBucket, Key: dataKey, Body: data }));
  const manifestJson = JSON.stringify(
    {
      sourceBucket: source,
      destinationBucket: `arn:aws:s3:::${outBucket}`,
      version: '2021-11-30',
      creationTimestamp: String(Date.now()),
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, VersionId',
      files: [{ key: dataKey, size: data.length, MD5checksum: createHash('md5').update(data).digest('hex') }],
    },
    null,
    2,
  );
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: outBucket,
      Key: `${base}manifest.json`,
      Body: manifestJson,
      ContentType: 'application/json',
    }),
  );
  return {
    ObjectArn: `arn:aws:s3:::${outBucket}/${base}manifest.json`,
    ETag: (put.ETag ?? '').replace(/"/g, ''),
  };
}
