import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  DeleteBucketInventoryConfigurationCommand,
  GetBucketReplicationCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketInventoryConfigurationCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { S3JobManifestGenerator } from '@aws-sdk/client-s3-control';
import {
  bucketArn,
  bucketOfArn,
  encodeKey,
  type ManifestRow,
  mapBounded,
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
 *
 * As on AWS, the job's role (`s3`) reads the replication configuration and configures an S3
 * Inventory on the source (s3:GetReplicationConfiguration, s3:PutInventoryConfiguration, the
 * permissions table's generated-manifest row); the listing is that inventory's, read by the service
 * (`inventory`), so the role needs no s3:ListBucket.
 */
export async function generateManifest(
  s3: S3Client,
  generator: S3JobManifestGenerator,
  jobId: string,
  writer: ManifestFileWriter,
  inventory: S3Client = s3,
): Promise<{ ObjectArn: string; ETag: string; ObjectVersionId?: string } | undefined> {
  const source = bucketOfArn(generator.SourceBucket ?? '');
  // S3 refuses each call (403) when the source bucket's owner is not the expected one.
  const owner = generator.ExpectedBucketOwner ? { ExpectedBucketOwner: generator.ExpectedBucketOwner } : {};
  const filter = generator.Filter ?? {};
  const allVersions = selectsAllVersions(filter);
  const rules = filter.EligibleForReplication ? await replicationRules(s3, source, owner) : [];
  const configId = await configureInventory(s3, source, jobId, owner);
  let output: string[];
  try {
    output = await listMatches(inventory, generator, source, owner, rules, allVersions, writer);
  } finally {
    // The service removes its own configuration once the listing is read.
    await inventory
      .send(new DeleteBucketInventoryConfigurationCommand({ Bucket: source, Id: configId, ...owner }))
      .catch(() => undefined);
  }
  return generator.EnableManifestOutput ? writeOutput(s3, generator, source, jobId, output) : undefined;
}

/** The job's S3 Inventory configuration on the source (disabled: it writes no reports of its own). */
async function configureInventory(
  s3: S3Client,
  source: string,
  jobId: string,
  owner: { ExpectedBucketOwner?: string },
): Promise<string> {
  const Id = `batchops-job-${jobId}`.slice(0, 64);
  try {
    await s3.send(
      new PutBucketInventoryConfigurationCommand({
        Bucket: source,
        Id,
        InventoryConfiguration: {
          Id,
          IsEnabled: false,
          Destination: { S3BucketDestination: { Bucket: bucketArn(source), Format: 'CSV' } },
          IncludedObjectVersions: 'All',
          Schedule: { Frequency: 'Daily' },
        },
        ...owner,
      }),
    );
  } catch (e) {
    const err = e as Error;
    throw new PrepareError(
      err.name === 'NoSuchBucket' ? 'SrcBucketNotFound' : err.name,
      `Configuring an S3 Inventory of s3://${source} for the generated manifest failed: ${err.message}`,
    );
  }
  return Id;
}

/** The source's versions the filter keeps, into the job's manifest copy; returns the output's CSV lines. */
async function listMatches(
  s3: S3Client,
  generator: S3JobManifestGenerator,
  source: string,
  owner: { ExpectedBucketOwner?: string },
  rules: ReplicationRuleFilter[],
  allVersions: boolean,
  writer: ManifestFileWriter,
): Promise<string[]> {
  const filter = generator.Filter ?? {};
  const head = needsHead(filter);
  const encryption = filter.MatchAnyObjectEncryption?.[0];

  /** The filters that need a call per candidate: HeadObject, then the rules' tag filters. */
  async function matchesWithCalls(c: Candidate): Promise<boolean> {
    if (head) {
      const h = await s3.send(
        new HeadObjectCommand({ Bucket: source, Key: c.key, VersionId: c.versionId, ...owner }),
      );
      if (!replicationStatusMatches(filter, h.ReplicationStatus)) return false;
      const details = {
        kmsKeyId: h.SSEKMSKeyId,
        bucketKeyEnabled: h.BucketKeyEnabled,
        customerAlgorithm: h.SSECustomerAlgorithm,
      };
      if (!encryptionMatches(encryption, h.ServerSideEncryption, details)) return false;
    }
    if (!filter.EligibleForReplication) return true;
    let tags: Map<string, string> | undefined;
    const loadTags = async () => {
      if (!tags) {
        const out = await s3.send(
          new GetObjectTaggingCommand({ Bucket: source, Key: c.key, VersionId: c.versionId, ...owner }),
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
          ...owner,
        }),
      );
      const rows: ManifestRow[] = [];
      const listed = (page.Versions ?? []).map(candidateOf).filter((c) => listingMatches(filter, c));
      // The per-object calls (HeadObject, GetObjectTagging) run a few at a time; order is kept.
      const keep = await mapBounded(listed, CALLS_IN_FLIGHT, matchesWithCalls);
      for (const [i, c] of listed.entries()) {
        if (!keep[i]) continue;
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
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    // A HEAD answer has no body: its status names the error.
    const name = err.$metadata?.httpStatusCode === 403 ? 'AccessDenied' : err.name;
    throw new PrepareError(
      name === 'NoSuchBucket' ? 'SrcBucketNotFound' : name,
      `Listing s3://${source} failed: ${name === 'AccessDenied' ? 'AccessDenied' : err.message}`,
    );
  }
  return output;
}

/** The generated manifest saved as an S3InventoryReport_CSV_20211130 manifest, then read back. */
async function writeOutput(
  s3: S3Client,
  generator: S3JobManifestGenerator,
  source: string,
  jobId: string,
  output: readonly string[],
): Promise<{ ObjectArn: string; ETag: string; ObjectVersionId?: string }> {
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
  const outputEncryption = location.ManifestEncryption;
  const put = {
    ...(location.ExpectedManifestBucketOwner
      ? { ExpectedBucketOwner: location.ExpectedManifestBucketOwner }
      : {}),
    ...(outputEncryption?.SSEKMS
      ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: outputEncryption.SSEKMS.KeyId }
      : outputEncryption?.SSES3
        ? { ServerSideEncryption: 'AES256' as const }
        : {}),
  };
  try {
    await s3.send(new PutObjectCommand({ Bucket: outBucket, Key: dataKey, Body: data, ...put }));
    const manifestJson = JSON.stringify(
      {
        sourceBucket: source,
        destinationBucket: bucketArn(outBucket),
        version: '2021-11-30',
        creationTimestamp: String(Date.now()),
        fileFormat: 'CSV',
        fileSchema: 'Bucket, Key, VersionId',
        files: [
          { key: dataKey, size: data.length, MD5checksum: createHash('md5').update(data).digest('hex') },
        ],
      },
      null,
      2,
    );
    const written = await s3.send(
      new PutObjectCommand({
        Bucket: outBucket,
        Key: `${base}manifest.json`,
        Body: manifestJson,
        ContentType: 'application/json',
        ...put,
      }),
    );
    // Read back as the job's manifest (s3:GetObject on the output, in the docs' policy).
    const back = await s3.send(new GetObjectCommand({ Bucket: outBucket, Key: `${base}manifest.json` }));
    await back.Body?.transformToString();
    return {
      ObjectArn: objectArn(outBucket, `${base}manifest.json`),
      ETag: normalizeEtag(written.ETag) ?? '',
      ...(written.VersionId ? { ObjectVersionId: written.VersionId } : {}),
    };
  } catch (e) {
    const err = e as Error;
    throw new PrepareError(
      err.name || 'InvalidManifestOutput',
      `Writing the generated manifest to s3://${outBucket}/${base} failed: ${err.message}`,
    );
  }
}

/** HeadObject / GetObjectTagging calls of the filter in flight at once. */
const CALLS_IN_FLIGHT = 32;

/** The source bucket's replication rules (EligibleForReplication needs them). */
async function replicationRules(
  s3: S3Client,
  source: string,
  owner: { ExpectedBucketOwner?: string },
): Promise<ReplicationRuleFilter[]> {
  try {
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: source, ...owner }));
    return out.ReplicationConfiguration?.Rules ?? [];
  } catch (e) {
    const err = e as Error;
    if (err.name === 'ReplicationConfigurationNotFoundError')
      throw new PrepareError(
        'SrcBucketReplicationConfigMissing',
        `The source bucket ${source} has no replication configuration to select eligible objects with`,
      );
    throw new PrepareError(
      err.name === 'NoSuchBucket' ? 'SrcBucketNotFound' : err.name,
      `Reading the replication configuration of s3://${source} failed: ${err.message}`,
    );
  }
}
