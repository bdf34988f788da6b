import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  GetBucketReplicationCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { S3JobManifestGenerator } from '@aws-sdk/client-s3-control';
import {
  bucketArn,
  bucketOfArn,
  encodeKey,
  type ManifestRow,
  normalizeEtag,
  objectArn,
} from '@batchops/batch-formats';
import type { ManifestFileWriter } from './manifest-file.js';
import {
  type Candidate,
  candidateOf,
  encryptionMatches,
  listingMatches,
  needsHead,
  type ReplicationRuleFilter,
  replicationStatusMatches,
  ruleCovers,
  selectsAllVersions,
} from './manifest-filters.js';
import { PrepareError } from './prepare-manifest.js';

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
  const source = bucketOfArn(generator.SourceBucket ?? '');
  const filter = generator.Filter ?? {};
  const allVersions = selectsAllVersions(filter);
  const rules = filter.EligibleForReplication ? await replicationRules(s3, source) : [];
  const head = needsHead(filter);
  const encryption = filter.MatchAnyObjectEncryption?.[0];

  /** The filters that need a call per candidate: HeadObject, then the rules' tag filters. */
  async function matchesWithCalls(c: Candidate): Promise<boolean> {
    if (head) {
      const h = await s3.send(new HeadObjectCommand({ Bucket: source, Key: c.key, VersionId: c.versionId }));
      if (!replicationStatusMatches(filter, h.ReplicationStatus)) return false;
      if (!encryptionMatches(encryption, h.ServerSideEncryption)) return false;
    }
    if (!filter.EligibleForReplication) return true;
    let tags: Map<string, string> | undefined;
    const loadTags = async () => {
      if (!tags) {
        const out = await s3.send(
          new GetObjectTaggingCommand({ Bucket: source, Key: c.key, VersionId: c.versionId }),
        );
        tags = new Map((out.TagSet ?? []).map((t) => [t.Key as string, t.Value as string]));
      }
      return tags;
    };
    for (const rule of rules) if (await ruleCovers(rule, c.key, loadTags)) return true;
    return false;
  }

  const prefixes = filter.KeyNameConstraint?.MatchAnyPrefix;
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
          ...(prefixes?.length === 1 ? { Prefix: prefixes[0] } : {}),
        }),
      );
      const rows: ManifestRow[] = [];
      for (const v of page.Versions ?? []) {
        const c = candidateOf(v);
        if (!listingMatches(filter, c) || !(await matchesWithCalls(c))) continue;
        const row: ManifestRow = { bucket: source, key: c.key };
        if (c.versionId && allVersions) row.versionId = c.versionId;
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
  const outBucket = bucketOfArn(location.Bucket);
  const base = `${(location.ManifestPrefix ?? '').replace(/\/+$/, '')}${location.ManifestPrefix ? '/' : ''}job-${jobId}/`;
  const data = gzipSync(output.length ? `${output.join('\n')}\n` : '');
  const dataKey = `${base}data/${createHash('sha1').update(jobId).digest('hex')}.csv.gz`;
  await s3.send(new PutObjectCommand({ Bucket: outBucket, Key: dataKey, Body: data }));
  const manifestJson = JSON.stringify(
    {
      sourceBucket: source,
      destinationBucket: bucketArn(outBucket),
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
    ObjectArn: objectArn(outBucket, `${base}manifest.json`),
    ETag: normalizeEtag(put.ETag) ?? '',
  };
}

/** The source bucket's replication rules (EligibleForReplication needs them). */
async function replicationRules(s3: S3Client, source: string): Promise<ReplicationRuleFilter[]> {
  try {
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: source }));
    return out.ReplicationConfiguration?.Rules ?? [];
  } catch (e) {
    const err = e as Error;
    throw new PrepareError(
      err.name === 'ReplicationConfigurationNotFoundError' ? 'SrcBucketReplicationConfigMissing' : err.name,
      `The source bucket ${source} has no replication configuration to select eligible objects with`,
    );
  }
}
