import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type ReplicationRule,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { CreateJobCommand, type CreateJobCommandInput, type JobStatus } from '@aws-sdk/client-s3-control';
import { bodyText, createVersionedBucket, eventually, reportLines, waitForJob } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { createAclBucket } from './support/acl-buckets.js';
import { awsJson } from './support/aws-cli-model.js';
import {
  ACCOUNT_ID as AccountId,
  errorOf,
  TEST_ROLE_ARN as RoleArn,
  startFixture,
  useFixture,
} from './support/local-aws-fixture.js';

const ReplicationRole = `arn:aws:iam::${AccountId}:role/batchops-replication`;
const fixture = useFixture({ engine: { concurrency: 16, flushMs: 50 } }, async () => {
  await fixture.s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
});

async function versionedBucket(...names: string[]): Promise<void> {
  for (const Bucket of names) await createVersionedBucket(fixture.s3, Bucket);
}

type Rule = ReplicationRule;

const rule = (id: string, priority: number, dest: string, extra: Partial<Rule> = {}): Rule => ({
  ID: id,
  Priority: priority,
  Status: 'Enabled',
  Filter: {},
  DeleteMarkerReplication: { Status: 'Disabled' },
  Destination: { Bucket: `arn:aws:s3:::${dest}` },
  ...extra,
});

const putReplication = (Bucket: string, Rules: Rule[]) =>
  fixture.s3.send(
    new PutBucketReplicationCommand({ Bucket, ReplicationConfiguration: { Role: ReplicationRole, Rules } }),
  );

const head = (Bucket: string, Key: string, VersionId?: string) =>
  fixture.s3.send(new HeadObjectCommand({ Bucket, Key, VersionId }));

const bodyOf = (Bucket: string, Key: string, VersionId?: string) =>
  bodyText(fixture.s3, Bucket, Key, VersionId);

function replicationJob(source: string, extra: Partial<CreateJobCommandInput> = {}): CreateJobCommandInput {
  return {
    AccountId,
    ConfirmationRequired: false,
    Operation: { S3ReplicateObject: {} },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${source}`,
        EnableManifestOutput: false,
        Filter: { EligibleForReplication: true },
      },
    },
    Report: {
      Enabled: true,
      Bucket: 'arn:aws:s3:::reports',
      Format: 'Report_CSV_20180820',
      Prefix: `r-${source}`,
      ReportScope: 'AllTasks',
    },
    Priority: 10,
    RoleArn,
    ...extra,
  };
}

const waitFor = (JobId: string, statuses: JobStatus[]) => waitForJob(fixture.s3control, JobId, statuses);

/** Create the job and wait for it to fail; its first failure code. */
async function failureOf(input: CreateJobCommandInput): Promise<string | undefined> {
  const { JobId } = await fixture.s3control.send(new CreateJobCommand(input));
  return (await waitFor(JobId as string, ['Failed'])).FailureReasons?.[0]?.FailureCode;
}

describe('Batch Replication (S3ReplicateObject with a generated manifest)', () => {
  it('replicates existing objects (prefixes, tags, versions) keeping version IDs, metadata, tags; statuses COMPLETED / REPLICA', async () => {
    await versionedBucket('b1-src', 'b1-dst');
    const versions: Array<{ Key: string; VersionId: string; body: string }> = [];
    for (const prefix of ['logs/', 'images/', 'docs/']) {
      for (let i = 0; i < 3; i++) {
        const Key = `${prefix}item-${i}.txt`;
        for (let v = 0; v < 2; v++) {
          const body = `${Key} v${v}`;
          const out = await fixture.s3.send(
            new PutObjectCommand({
              Bucket: 'b1-src',
              Key,
              Body: body,
              ContentType: 'text/plain',
              Metadata: { origin: prefix },
              Tagging: `team=${prefix.slice(0, -1)}&v=${v}`,
            }),
          );
          versions.push({ Key, VersionId: out.VersionId as string, body });
        }
      }
    }
    // Existing objects: no replication configuration yet, so no status.
    expect((await head('b1-src', 'logs/item-0.txt')).ReplicationStatus).toBeUndefined();
    await putReplication('b1-src', [rule('all', 1, 'b1-dst')]);

    const { JobId } = await fixture.s3control.send(new CreateJobCommand(replicationJob('b1-src')));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 18, NumberOfTasksSucceeded: 18 });

    for (const v of versions) {
      const src = await head('b1-src', v.Key, v.VersionId);
      expect(src.ReplicationStatus).toBe('COMPLETED');
      const dst = await head('b1-dst', v.Key, v.VersionId);
      expect(dst.ReplicationStatus).toBe('REPLICA');
      expect(dst.VersionId).toBe(v.VersionId);
      expect(dst.ETag).toBe(src.ETag);
      expect(dst.ContentType).toBe('text/plain');
      expect(dst.Metadata).toEqual(src.Metadata);
      expect(dst.LastModified?.getTime()).toBe(src.LastModified?.getTime());
      expect(await bodyOf('b1-dst', v.Key, v.VersionId)).toBe(v.body);
    }
    // The newest version is the latest in the destination too, whatever order the tasks ran in.
    expect(await bodyOf('b1-dst', 'docs/item-2.txt')).toBe('docs/item-2.txt v1');
    const listed = await fixture.s3.send(
      new ListObjectVersionsCommand({ Bucket: 'b1-dst', Prefix: 'docs/item-2.txt' }),
    );
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsLatest])).toEqual(
      versions
        .filter((v) => v.Key === 'docs/item-2.txt')
        .reverse()
        .map((v, i) => [v.VersionId, i === 0]),
    );
    const tags = await fixture.s3.send(
      new GetObjectTaggingCommand({
        Bucket: 'b1-dst',
        Key: 'images/item-1.txt',
        VersionId: versions[8]?.VersionId,
      }),
    );
    expect(tags.TagSet).toEqual([
      { Key: 'team', Value: 'images' },
      { Key: 'v', Value: '0' },
    ]);
  });

  it('replicates only what a prefix rule covers; the rest are not in the manifest', async () => {
    await versionedBucket('b2-src', 'b2-dst');
    for (const Key of ['keep/a', 'keep/b', 'other/c'])
      await fixture.s3.send(new PutObjectCommand({ Bucket: 'b2-src', Key, Body: Key }));
    await putReplication('b2-src', [rule('keep', 1, 'b2-dst', { Filter: { Prefix: 'keep/' } })]);
    const { JobId } = await fixture.s3control.send(new CreateJobCommand(replicationJob('b2-src')));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 2, NumberOfTasksSucceeded: 2 });
    expect(await bodyOf('b2-dst', 'keep/a')).toBe('keep/a');
    expect((await errorOf(head('b2-dst', 'other/c'))).$metadata.httpStatusCode).toBe(404);
    expect((await head('b2-src', 'other/c')).ReplicationStatus).toBeUndefined();
  });
});

describe('live replication', () => {
  it('replicates new uploads a rule covers (PENDING -> COMPLETED), not the others, and not replicas again', async () => {
    await versionedBucket('l1-src', 'l1-dst');
    await putReplication('l1-src', [
      rule('tagged', 2, 'l1-dst', {
        Filter: { And: { Prefix: 'in/', Tags: [{ Key: 'copy', Value: 'yes' }] } },
        Destination: { Bucket: 'arn:aws:s3:::l1-dst', StorageClass: 'STANDARD_IA' },
      }),
    ]);
    // The destination replicates back to the source: replicas must not go round.
    await putReplication('l1-dst', [rule('back', 1, 'l1-src')]);
    const put = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'l1-src', Key: 'in/new.txt', Body: 'fresh', Tagging: 'copy=yes' }),
    );
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'l1-src', Key: 'in/untagged.txt', Body: 'x' }));
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'l1-src', Key: 'out/new.txt', Body: 'x', Tagging: 'copy=yes' }),
    );
    await eventually(async () => {
      expect((await head('l1-src', 'in/new.txt')).ReplicationStatus).toBe('COMPLETED');
    });
    const replica = await head('l1-dst', 'in/new.txt');
    expect(replica).toMatchObject({
      ReplicationStatus: 'REPLICA',
      VersionId: put.VersionId,
      StorageClass: 'STANDARD_IA',
    });
    expect((await head('l1-src', 'in/untagged.txt')).ReplicationStatus).toBeUndefined();
    expect((await errorOf(head('l1-dst', 'out/new.txt'))).$metadata.httpStatusCode).toBe(404);
    // The replica was not sent back: the source still has one version of it.
    const back = await fixture.s3.send(
      new ListObjectVersionsCommand({ Bucket: 'l1-src', Prefix: 'in/new.txt' }),
    );
    expect(back.Versions).toHaveLength(1);
  });
});

/** Completion report rows [key, versionId, status, http, errorCode] (S3 writes the HTTP status first). */
async function reportRows(prefix: string, jobId: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const line of await reportLines(fixture.s3, 'reports', prefix, jobId)) {
    const [, key, versionId, status, http, code] = line.split(',');
    rows.push([decodeURIComponent(key ?? ''), versionId ?? '', status ?? '', http ?? '', code ?? '']);
  }
  return rows.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** A CSV manifest (Bucket, Key, VersionId) put into `reports`; its location for CreateJob. */
async function csvManifest(name: string, rows: Array<[string, string, string]>) {
  const Key = `manifests/${name}.csv`;
  const body = rows.map(([b, k, v]) => `${b},${encodeURIComponent(k)},${v}`).join('\n');
  const out = await fixture.s3.send(new PutObjectCommand({ Bucket: 'reports', Key, Body: body }));
  return {
    Spec: {
      Format: 'S3BatchOperations_CSV_20180820' as const,
      Fields: ['Bucket' as const, 'Key' as const, 'VersionId' as const],
    },
    Location: { ObjectArn: `arn:aws:s3:::reports/${Key}`, ETag: (out.ETag as string).replaceAll('"', '') },
  };
}

describe('the manifest generator (S3JobManifestGenerator) through the wire', () => {
  /** Create a job that waits for confirmation and return the rows of the manifest it generated. */
  async function generated(source: string, Filter: object, extra: object = {}): Promise<string[]> {
    const input = replicationJob(source, { ConfirmationRequired: true });
    input.ManifestGenerator = {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${source}`,
        EnableManifestOutput: true,
        ManifestOutputLocation: {
          Bucket: 'arn:aws:s3:::reports',
          ManifestPrefix: 'generated',
          ManifestFormat: 'S3InventoryReport_CSV_20211130',
          ManifestEncryption: { SSES3: {} },
        },
        Filter,
        ...extra,
      },
    };
    const { JobId } = await fixture.s3control.send(new CreateJobCommand(input));
    const job = await waitFor(JobId as string, ['Suspended', 'Failed']);
    expect(job.FailureReasons ?? []).toEqual([]);
    const location = job.GeneratedManifestDescriptor?.Location;
    const json = JSON.parse(
      await bodyOf('reports', (location?.ObjectArn ?? '').replace('arn:aws:s3:::reports/', '')),
    );
    expect(json.fileFormat).toBe('CSV');
    const data = await fixture.s3.send(new GetObjectCommand({ Bucket: 'reports', Key: json.files[0].key }));
    const text = gunzipSync(Buffer.from((await data.Body?.transformToByteArray()) ?? [])).toString();
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => decodeURIComponent((l.split(',')[1] ?? '').replaceAll('"', '')))
      .sort();
  }

  it('applies replication statuses (NONE, FAILED, COMPLETED, REPLICA), key, size, storage class and date filters', async () => {
    await versionedBucket('g-src', 'g-dst');
    const put = (Key: string, Body: string, extra: object = {}) =>
      fixture.s3.send(new PutObjectCommand({ Bucket: 'g-src', Key, Body, ...extra }));
    await put('r/none.txt', 'n');
    await put('r/big.bin', 'b'.repeat(100), { StorageClass: 'STANDARD_IA' });
    await put('x/other.txt', 'o');
    await putReplication('g-src', [rule('r', 1, 'g-dst', { Filter: { Prefix: 'r/' } })]);
    await put('r/done.txt', 'd');
    await eventually(async () =>
      expect((await head('g-src', 'r/done.txt')).ReplicationStatus).toBe('COMPLETED'),
    );
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'g-dst', VersioningConfiguration: { Status: 'Suspended' } }),
    );
    const before = new Date(Date.now() - 1);
    await put('r/failed.txt', 'f');
    await eventually(async () =>
      expect((await head('g-src', 'r/failed.txt')).ReplicationStatus).toBe('FAILED'),
    );
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'g-dst', VersioningConfiguration: { Status: 'Enabled' } }),
    );

    expect(await generated('g-src', { EligibleForReplication: true })).toEqual([
      'r/big.bin',
      'r/done.txt',
      'r/failed.txt',
      'r/none.txt',
    ]);
    expect(
      await generated('g-src', { EligibleForReplication: true, ObjectReplicationStatuses: ['NONE'] }),
    ).toEqual(['r/big.bin', 'r/none.txt']);
    expect(
      await generated('g-src', {
        EligibleForReplication: true,
        ObjectReplicationStatuses: ['FAILED', 'COMPLETED'],
      }),
    ).toEqual(['r/done.txt', 'r/failed.txt']);
    expect(await generated('g-dst', { ObjectReplicationStatuses: ['REPLICA'] })).toEqual(['r/done.txt']);
    expect(
      await generated('g-src', {
        KeyNameConstraint: { MatchAnySuffix: ['.txt', '.bin'], MatchAnySubstring: ['o', 'i'] },
        ObjectSizeLessThanBytes: 50,
        MatchAnyStorageClass: ['STANDARD'],
      }),
    ).toEqual(['r/done.txt', 'r/failed.txt', 'r/none.txt', 'x/other.txt']);
    expect(await generated('g-src', { CreatedAfter: before, ObjectSizeGreaterThanBytes: 0 })).toEqual([
      'r/failed.txt',
    ]);
  });

  it('fails the job when the source bucket has another owner than ExpectedBucketOwner', async () => {
    await versionedBucket('g2-src');
    const input = replicationJob('g2-src');
    const generator = input.ManifestGenerator?.S3JobManifestGenerator;
    if (generator) generator.ExpectedBucketOwner = '111122223333';
    expect(await failureOf(input)).toBe('AccessDenied');
  });
});

describe('Batch Replication task errors', () => {
  it('fails each task with the replication failure reason: no configuration, missing key, destination missing or unversioned', async () => {
    await versionedBucket('e1-src', 'e2-src', 'e2-dst', 'e3-src', 'e3-dst');
    const put = async (Bucket: string, Key: string) =>
      (await fixture.s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }))).VersionId as string;
    const v1 = await put('e1-src', 'no-config');
    const v2 = await put('e2-src', 'unversioned-dst');
    const v3 = await put('e3-src', 'missing-dst');
    await putReplication('e2-src', [rule('r', 1, 'e2-dst')]);
    await putReplication('e3-src', [rule('r', 1, 'e3-dst')]);
    // Configurations that were valid when put, broken since.
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'e2-dst', VersioningConfiguration: { Status: 'Suspended' } }),
    );
    await fixture.s3.send(new DeleteBucketCommand({ Bucket: 'e3-dst' }));
    const Manifest = await csvManifest('errors', [
      ['e1-src', 'no-config', v1],
      ['e2-src', 'unversioned-dst', v2],
      ['e3-src', 'missing-dst', v3],
      ['e2-src', 'not-there', v2],
    ]);
    const { ManifestGenerator: _none, ...input } = replicationJob('errors');
    const { JobId } = await fixture.s3control.send(new CreateJobCommand({ ...input, Manifest }));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 4, NumberOfTasksFailed: 4 });
    expect((await reportRows('r-errors', JobId as string)).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['missing-dst', 'failed', '404', 'DstBucketNotFound'],
      ['no-config', 'failed', '400', 'SrcBucketReplicationConfigMissing'],
      ['not-there', 'failed', '404', 'SrcKeyNotFound'],
      ['unversioned-dst', 'failed', '400', 'DstBucketUnversioned'],
    ]);
    expect((await head('e2-src', 'unversioned-dst')).ReplicationStatus).toBe('FAILED');
    expect((await head('e1-src', 'no-config')).ReplicationStatus).toBeUndefined();

    // Fixed: a job over the FAILED ones replicates them.
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'e2-dst', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const retry = replicationJob('e2-src');
    const generator = retry.ManifestGenerator?.S3JobManifestGenerator;
    if (generator) generator.Filter = { EligibleForReplication: true, ObjectReplicationStatuses: ['FAILED'] };
    const second = await fixture.s3control.send(new CreateJobCommand(retry));
    const done = await waitFor(second.JobId as string, ['Complete', 'Failed']);
    expect(done.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 1, NumberOfTasksSucceeded: 1 });
    expect((await head('e2-src', 'unversioned-dst')).ReplicationStatus).toBe('COMPLETED');
    expect((await head('e2-dst', 'unversioned-dst', v2)).ReplicationStatus).toBe('REPLICA');
  });

  it('refuses to bring back a replica version deleted from the destination (DstObjectHardDeleted)', async () => {
    await versionedBucket('h-src', 'h-dst');
    await putReplication('h-src', [rule('r', 1, 'h-dst')]);
    const { VersionId } = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'h-src', Key: 'k', Body: 'k' }),
    );
    await eventually(async () =>
      expect((await head('h-dst', 'k', VersionId)).ReplicationStatus).toBe('REPLICA'),
    );
    await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'h-dst', Key: 'k', VersionId }));
    const Manifest = await csvManifest('hard-deleted', [['h-src', 'k', VersionId as string]]);
    const { ManifestGenerator: _none, ...input } = replicationJob('hard-deleted');
    const { JobId } = await fixture.s3control.send(new CreateJobCommand({ ...input, Manifest }));
    await waitFor(JobId as string, ['Complete', 'Failed']);
    expect((await reportRows('r-hard-deleted', JobId as string)).map((r) => [r[2], r[3], r[4]])).toEqual([
      ['failed', '400', 'DstObjectHardDeleted'],
    ]);
    expect((await head('h-src', 'k')).ReplicationStatus).toBe('FAILED');
  });

  it('fails the job at preparation when the generator needs a configuration the bucket lacks', async () => {
    await versionedBucket('e4-src');
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'e4-src', Key: 'k', Body: 'k' }));
    expect(await failureOf(replicationJob('e4-src'))).toBe('SrcBucketReplicationConfigMissing');
  });
});

describe('live replication rules', () => {
  it('the highest priority rule wins where rules to one destination overlap; every destination gets its copy', async () => {
    for (const b of ['p-src', 'p-dst', 'p-dst2']) await createAclBucket(fixture.s3, b, { versioned: true });
    await putReplication('p-src', [
      rule('low', 1, 'p-dst', { Destination: { Bucket: 'arn:aws:s3:::p-dst', StorageClass: 'STANDARD_IA' } }),
      rule('high', 5, 'p-dst', {
        Filter: { Prefix: 'hot/' },
        Destination: { Bucket: 'arn:aws:s3:::p-dst', StorageClass: 'ONEZONE_IA' },
      }),
      rule('second', 2, 'p-dst2', {
        Destination: {
          Bucket: 'arn:aws:s3:::p-dst2',
          Account: AccountId,
          AccessControlTranslation: { Owner: 'Destination' },
        },
      }),
    ]);
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'p-src', Key: 'hot/x', Body: 'x', ACL: 'public-read' }),
    );
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'p-src', Key: 'cold/y', Body: 'y' }));
    await eventually(async () => {
      expect((await head('p-src', 'hot/x')).ReplicationStatus).toBe('COMPLETED');
      expect((await head('p-src', 'cold/y')).ReplicationStatus).toBe('COMPLETED');
    });
    expect((await head('p-dst', 'hot/x')).StorageClass).toBe('ONEZONE_IA');
    expect((await head('p-dst', 'cold/y')).StorageClass).toBe('STANDARD_IA');
    expect((await head('p-dst2', 'hot/x')).StorageClass).toBeUndefined();
    // Without AccessControlTranslation the ACL goes along; with Owner=Destination the replica is private.
    const grants = async (Bucket: string) =>
      ((await fixture.s3.send(new GetObjectAclCommand({ Bucket, Key: 'hot/x' }))).Grants ?? []).map(
        (g) => g.Grantee?.URI ?? g.Grantee?.ID,
      );
    expect(await grants('p-dst')).toContain('http://acs.amazonaws.com/groups/global/AllUsers');
    expect(await grants('p-dst2')).not.toContain('http://acs.amazonaws.com/groups/global/AllUsers');
  });

  it('refuses an owner override (AccessControlTranslation) that names no destination Account', async () => {
    await versionedBucket('act-src', 'act-dst');
    const translated = (Account?: string) =>
      rule('act', 1, 'act-dst', {
        Destination: {
          Bucket: 'arn:aws:s3:::act-dst',
          ...(Account !== undefined ? { Account } : {}),
          AccessControlTranslation: { Owner: 'Destination' },
        },
      });
    const err = await errorOf(putReplication('act-src', [translated()]));
    expect([err.$metadata.httpStatusCode, err.name]).toEqual([400, 'InvalidRequest']);
    expect(err.message).toBe('Account must be specified when AccessControlTranslation is specified');
    await putReplication('act-src', [translated(AccountId)]);
  });

  it('replicates delete markers when DeleteMarkerReplication is Enabled, and multipart uploads', async () => {
    await versionedBucket('d-src', 'd-dst');
    await putReplication('d-src', [
      rule('markers', 2, 'd-dst', {
        Filter: { Prefix: 'm/' },
        DeleteMarkerReplication: { Status: 'Enabled' },
      }),
      rule('plain', 1, 'd-dst', { Filter: { Prefix: 'p/' } }),
    ]);
    for (const Key of ['m/a', 'p/b'])
      await fixture.s3.send(new PutObjectCommand({ Bucket: 'd-src', Key, Body: Key }));
    await eventually(async () => {
      expect((await head('d-dst', 'm/a')).ReplicationStatus).toBe('REPLICA');
      expect((await head('d-dst', 'p/b')).ReplicationStatus).toBe('REPLICA');
    });
    const marker = await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'd-src', Key: 'm/a' }));
    await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'd-src', Key: 'p/b' }));
    await eventually(async () => {
      const listed = await fixture.s3.send(new ListObjectVersionsCommand({ Bucket: 'd-dst', Prefix: 'm/' }));
      expect(listed.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([[marker.VersionId, true]]);
    });
    expect((await head('d-dst', 'p/b')).ReplicationStatus).toBe('REPLICA');

    const upload = await fixture.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'd-src', Key: 'p/multi' }),
    );
    const part = await fixture.s3.send(
      new UploadPartCommand({
        Bucket: 'd-src',
        Key: 'p/multi',
        UploadId: upload.UploadId,
        PartNumber: 1,
        Body: 'parts',
      }),
    );
    const done = await fixture.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'd-src',
        Key: 'p/multi',
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    await eventually(async () => {
      expect(await head('d-dst', 'p/multi')).toMatchObject({ VersionId: done.VersionId, ETag: done.ETag });
    });
  });

  it('a version written while the destination cannot take it is FAILED', async () => {
    await versionedBucket('f-src', 'f-dst');
    await putReplication('f-src', [rule('r', 1, 'f-dst')]);
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'f-dst', VersioningConfiguration: { Status: 'Suspended' } }),
    );
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'f-src', Key: 'k', Body: 'k' }));
    await eventually(async () => expect((await head('f-src', 'k')).ReplicationStatus).toBe('FAILED'));
  });
});

describe('a restart', () => {
  it('delivers the live replications that were pending when local-aws stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-repl-'));
    try {
      // Replication held back for an hour: the versions stay PENDING until the restart.
      const first = await startFixture({ dataDir, s3: { replicationDelayMs: 3_600_000 } });
      await first.s3.send(new CreateBucketCommand({ Bucket: 'src' }));
      await first.s3.send(new CreateBucketCommand({ Bucket: 'dst' }));
      for (const Bucket of ['src', 'dst'])
        await first.s3.send(
          new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
        );
      await first.s3.send(
        new PutBucketReplicationCommand({
          Bucket: 'src',
          ReplicationConfiguration: { Role: ReplicationRole, Rules: [rule('r', 1, 'dst')] },
        }),
      );
      const ids = new Map<string, string>();
      for (let i = 0; i < 20; i++) {
        const Key = `k${i}`;
        const out = await first.s3.send(new PutObjectCommand({ Bucket: 'src', Key, Body: Key }));
        ids.set(Key, out.VersionId as string);
      }
      expect(
        (await first.s3.send(new HeadObjectCommand({ Bucket: 'src', Key: 'k0' }))).ReplicationStatus,
      ).toBe('PENDING');
      await first.close();

      const second = await startFixture({ dataDir });
      try {
        await eventually(async () => {
          for (const [Key, VersionId] of ids) {
            const replica = await second.s3.send(new HeadObjectCommand({ Bucket: 'dst', Key, VersionId }));
            expect(replica.ReplicationStatus).toBe('REPLICA');
            const source = await second.s3.send(new HeadObjectCommand({ Bucket: 'src', Key }));
            expect(source.ReplicationStatus).toBe('COMPLETED');
          }
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the AWS CLI', () => {
  const aws = (args: readonly string[]) => awsJson(fixture, args);

  // Each CLI start takes seconds on a loaded machine: a longer timeout than the default.
  it('put-bucket-replication, then create-job --manifest-generator with S3ReplicateObject', async () => {
    await versionedBucket('cli-src', 'cli-dst');
    const ids: Record<string, string> = {};
    for (const Key of ['a/1', 'a/2', 'b/3'])
      ids[Key] = (await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-src', Key, Body: Key })))
        .VersionId as string;
    const file = join(fixture.dataDir, 'replication.json');
    writeFileSync(
      file,
      JSON.stringify({
        Role: ReplicationRole,
        Rules: [rule('a-only', 1, 'cli-dst', { Filter: { Prefix: 'a/' } })],
      }),
    );
    await aws([
      's3api',
      'put-bucket-replication',
      '--bucket',
      'cli-src',
      '--replication-configuration',
      `file://${file}`,
    ]);
    const created = (await aws([
      's3control',
      'create-job',
      '--account-id',
      AccountId,
      '--no-confirmation-required',
      '--operation',
      '{"S3ReplicateObject":{}}',
      '--manifest-generator',
      JSON.stringify({
        S3JobManifestGenerator: {
          ExpectedBucketOwner: AccountId,
          SourceBucket: 'arn:aws:s3:::cli-src',
          EnableManifestOutput: true,
          ManifestOutputLocation: {
            Bucket: 'arn:aws:s3:::reports',
            ManifestPrefix: 'cli-manifests',
            ManifestFormat: 'S3InventoryReport_CSV_20211130',
          },
          Filter: { EligibleForReplication: true, ObjectReplicationStatuses: ['NONE', 'FAILED'] },
        },
      }),
      '--report',
      '{"Bucket":"arn:aws:s3:::reports","Prefix":"r-cli","Format":"Report_CSV_20180820","Enabled":true,"ReportScope":"AllTasks"}',
      '--priority',
      '10',
      '--role-arn',
      RoleArn,
    ])) as { JobId: string };
    const job = await waitFor(created.JobId, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 2, NumberOfTasksSucceeded: 2 });
    expect(job.GeneratedManifestDescriptor?.Format).toBe('S3InventoryReport_CSV_20211130');
    // One key through the CLI (each CLI start costs seconds), the other through the SDK.
    const src = await aws(['s3api', 'head-object', '--bucket', 'cli-src', '--key', 'a/1']);
    expect(src.ReplicationStatus).toBe('COMPLETED');
    const dst = await aws(['s3api', 'head-object', '--bucket', 'cli-dst', '--key', 'a/1']);
    expect(dst).toMatchObject({ ReplicationStatus: 'REPLICA', VersionId: ids['a/1'] });
    expect(await head('cli-dst', 'a/2')).toMatchObject({
      ReplicationStatus: 'REPLICA',
      VersionId: ids['a/2'],
    });
    expect((await errorOf(head('cli-dst', 'b/3'))).$metadata.httpStatusCode).toBe(404);
  }, 240_000);
});
