import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  DeleteBucketInventoryConfigurationCommand,
  DeleteObjectCommand,
  GetBucketInventoryConfigurationCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  type InventoryConfiguration,
  ListBucketInventoryConfigurationsCommand,
  ListObjectsV2Command,
  PutBucketInventoryConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CreateJobCommand, DescribeJobCommand, type JobStatus } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';
import { errorCode, signedRequest } from './support/signed-http.js';

// S3 Inventory on local-aws: the configuration API as S3 speaks it, the report written at once at
// the documented keys, local-aws's POST to write another now, and a Batch Operations job whose
// manifest is that report.

const AccountId = '000000000000';
let fixture: LocalAwsFixture;
let s3: S3Client;

const KEYS = ['photos/a.jpg', 'photos/with space+plus ü.jpg', 'docs/readme.txt'];

beforeAll(async () => {
  fixture = await startFixture({ engine: { concurrency: 4, flushMs: 50 } });
  s3 = fixture.s3;
  for (const Bucket of ['inv-src', 'inv-dest', 'inv-versions'])
    await s3.send(new CreateBucketCommand({ Bucket }));
  for (const Key of KEYS)
    await s3.send(new PutObjectCommand({ Bucket: 'inv-src', Key, Body: `body of ${Key}` }));
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: 'inv-versions',
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await s3.send(new PutObjectCommand({ Bucket: 'inv-versions', Key: 'v', Body: 'one' }));
  await s3.send(new PutObjectCommand({ Bucket: 'inv-versions', Key: 'v', Body: 'two' }));
  await s3.send(new PutObjectCommand({ Bucket: 'inv-versions', Key: 'gone', Body: 'x' }));
  await s3.send(new DeleteObjectCommand({ Bucket: 'inv-versions', Key: 'gone' }));
});
afterAll(() => fixture.close());

const config = (Id: string, extra: Partial<InventoryConfiguration> = {}): InventoryConfiguration => ({
  Id,
  IsEnabled: true,
  IncludedObjectVersions: 'Current',
  Destination: { S3BucketDestination: { Bucket: 'arn:aws:s3:::inv-dest', Format: 'CSV', Prefix: 'reports' } },
  Schedule: { Frequency: 'Daily' },
  OptionalFields: ['Size', 'StorageClass', 'ETag', 'EncryptionStatus'],
  ...extra,
});

async function bytes(Bucket: string, Key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket, Key }));
  return Buffer.from(
    await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
  );
}

async function keysUnder(Bucket: string, Prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket, Prefix }));
  return (out.Contents ?? []).map((c) => c.Key as string);
}

interface InventoryManifest {
  sourceBucket: string;
  destinationBucket: string;
  version: string;
  creationTimestamp: string;
  fileFormat: string;
  fileSchema: string;
  files: Array<{ key: string; size: number; MD5checksum: string }>;
}

/** The one report under a configuration's folder: its manifest and its data rows. */
async function report(base: string) {
  const keys = await keysUnder('inv-dest', base);
  const manifestKeys = keys.filter((k) => k.endsWith('/manifest.json'));
  const manifestKey = manifestKeys[manifestKeys.length - 1] as string;
  expect(manifestKey).toMatch(new RegExp(`^${base}\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}Z/manifest\\.json$`));
  const raw = await bytes('inv-dest', manifestKey);
  const checksum = await bytes('inv-dest', manifestKey.replace(/json$/, 'checksum'));
  expect(checksum.toString()).toBe(createHash('md5').update(raw).digest('hex'));
  const manifest = JSON.parse(raw.toString()) as InventoryManifest;
  const rows: string[] = [];
  for (const f of manifest.files) {
    expect(f.key).toMatch(new RegExp(`^${base}data/[0-9a-f-]{36}\\.csv\\.gz$`));
    const gz = await bytes('inv-dest', f.key);
    expect(gz.length).toBe(f.size);
    expect(createHash('md5').update(gz).digest('hex')).toBe(f.MD5checksum);
    rows.push(...gunzipSync(gz).toString().split('\n').filter(Boolean));
  }
  return { manifestKey, manifest, rows: rows.sort() };
}

describe('inventory configurations', () => {
  it('puts, gets, lists and deletes a configuration as S3 does', async () => {
    const c = config('cfg-a', { Filter: { Prefix: 'photos/' } });
    await s3.send(
      new PutBucketInventoryConfigurationCommand({
        Bucket: 'inv-src',
        Id: 'cfg-a',
        InventoryConfiguration: c,
      }),
    );
    const got = await s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: 'inv-src', Id: 'cfg-a' }));
    expect(got.InventoryConfiguration).toEqual(c);
    await s3.send(
      new PutBucketInventoryConfigurationCommand({
        Bucket: 'inv-src',
        Id: 'cfg-b',
        InventoryConfiguration: config('cfg-b', { IsEnabled: false }),
      }),
    );
    const list = await s3.send(new ListBucketInventoryConfigurationsCommand({ Bucket: 'inv-src' }));
    expect(list.IsTruncated).toBe(false);
    expect(list.InventoryConfigurationList?.map((x) => x.Id)).toEqual(['cfg-a', 'cfg-b']);
    await s3.send(new DeleteBucketInventoryConfigurationCommand({ Bucket: 'inv-src', Id: 'cfg-b' }));
    const gone = await errorOf(
      s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: 'inv-src', Id: 'cfg-b' })),
    );
    expect(gone.name).toBe('NoSuchConfiguration');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    const again = await errorOf(
      s3.send(new DeleteBucketInventoryConfigurationCommand({ Bucket: 'inv-src', Id: 'cfg-b' })),
    );
    expect(again.name).toBe('NoSuchConfiguration');
  });

  it('refuses an ID that does not match, a Format it cannot write and a missing bucket', async () => {
    const mismatch = await errorOf(
      s3.send(
        new PutBucketInventoryConfigurationCommand({
          Bucket: 'inv-src',
          Id: 'one',
          InventoryConfiguration: config('two'),
        }),
      ),
    );
    expect(mismatch.name).toBe('InvalidArgument');
    const orc = await errorOf(
      s3.send(
        new PutBucketInventoryConfigurationCommand({
          Bucket: 'inv-src',
          Id: 'orc',
          InventoryConfiguration: config('orc', {
            Destination: { S3BucketDestination: { Bucket: 'arn:aws:s3:::inv-dest', Format: 'ORC' } },
          }),
        }),
      ),
    );
    expect(orc.$metadata.httpStatusCode).toBe(501);
    const missing = await errorOf(
      s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: 'no-such-inv-bucket', Id: 'x' })),
    );
    expect(missing.name).toBe('NoSuchBucket');
  });
});

describe('inventory reports', () => {
  it('writes the first report at once, as documented, and a job runs over it', async () => {
    const fields: InventoryConfiguration['OptionalFields'] = [
      'ETag',
      'Size',
      'StorageClass',
      'EncryptionStatus',
      'LastModifiedDate',
    ];
    await s3.send(
      new PutBucketInventoryConfigurationCommand({
        Bucket: 'inv-src',
        Id: 'daily',
        InventoryConfiguration: config('daily', { OptionalFields: fields }),
      }),
    );
    const { manifestKey, manifest, rows } = await report('reports/inv-src/daily/');
    expect(manifest).toMatchObject({
      sourceBucket: 'inv-src',
      destinationBucket: 'arn:aws:s3:::inv-dest',
      version: '2016-11-30',
      fileFormat: 'CSV',
      // The optional columns in S3's order, whatever order the configuration names them in.
      fileSchema: 'Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, EncryptionStatus',
    });
    expect(Number(manifest.creationTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(rows).toHaveLength(3);
    const etag = createHash('md5').update('body of docs/readme.txt').digest('hex');
    expect(rows[0]).toMatch(
      new RegExp(
        `^"inv-src","docs/readme.txt","23","\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z","${etag}","STANDARD","SSE-S3"$`,
      ),
    );
    expect(rows.some((r) => r.startsWith('"inv-src","photos/with%20space%2Bplus%20%C3%BC.jpg",'))).toBe(true);
    const hive = await keysUnder('inv-dest', 'reports/inv-src/daily/hive/');
    expect(hive).toHaveLength(1);
    expect(hive[0]).toMatch(/\/hive\/dt=\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\/symlink\.txt$/);

    // Batch Operations reads the report as its manifest.
    const put = await s3.send(new GetObjectCommand({ Bucket: 'inv-dest', Key: manifestKey }));
    const { JobId } = await fixture.s3control.send(
      new CreateJobCommand({
        AccountId,
        ConfirmationRequired: false,
        Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'inventoried', Value: 'yes' }] } },
        Manifest: {
          Spec: { Format: 'S3InventoryReport_CSV_20161130' },
          Location: {
            ObjectArn: `arn:aws:s3:::inv-dest/${manifestKey}`,
            ETag: (put.ETag as string).replaceAll('"', ''),
          },
        },
        Report: { Enabled: false },
        Priority: 1,
        RoleArn: 'arn:aws:iam::000000000000:role/batchops-test',
      }),
    );
    let job = (await fixture.s3control.send(new DescribeJobCommand({ AccountId, JobId }))).Job;
    const end = Date.now() + 20_000;
    while (!['Complete', 'Failed'].includes(job?.Status as JobStatus) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await fixture.s3control.send(new DescribeJobCommand({ AccountId, JobId }))).Job;
    }
    expect(job?.FailureReasons).toEqual([]);
    expect(job?.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 3, NumberOfTasksSucceeded: 3 });
    for (const Key of KEYS) {
      const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'inv-src', Key }));
      expect(tags.TagSet).toEqual([{ Key: 'inventoried', Value: 'yes' }]);
    }
  });

  it('lists every version and delete marker with IncludedObjectVersions All', async () => {
    await s3.send(
      new PutBucketInventoryConfigurationCommand({
        Bucket: 'inv-versions',
        Id: 'all',
        InventoryConfiguration: config('all', { IncludedObjectVersions: 'All', OptionalFields: ['Size'] }),
      }),
    );
    const { manifest, rows } = await report('reports/inv-versions/all/');
    expect(manifest.fileSchema).toBe('Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size');
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.includes('"true","true"'))).toHaveLength(1);
    expect(rows.filter((r) => /^"inv-versions","v",/.test(r)).map((r) => r.split(',').slice(3))).toEqual(
      expect.arrayContaining([
        ['"true"', '"false"', '"3"'],
        ['"false"', '"false"', '"3"'],
      ]),
    );
  });

  it('writes another report now on POST ?inventory&id (a local-aws extension)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'inv-src', Key: 'docs/new.txt', Body: 'new' }));
    const res = await signedRequest(fixture.aws.url, {
      method: 'POST',
      path: '/inv-src',
      query: { inventory: '', id: 'daily' },
    });
    expect(res.status).toBe(200);
    const manifestKey = res.body.match(/<ManifestKey>([^<]+)<\/ManifestKey>/)?.[1] as string;
    expect(res.body).toContain('<ObjectCount>4</ObjectCount>');
    const manifest = JSON.parse((await bytes('inv-dest', manifestKey)).toString()) as InventoryManifest;
    const rows = gunzipSync(await bytes('inv-dest', manifest.files[0]?.key as string)).toString();
    expect(rows).toContain('"inv-src","docs/new.txt"');

    const unknown = await signedRequest(fixture.aws.url, {
      method: 'POST',
      path: '/inv-src',
      query: { inventory: '', id: 'nope' },
    });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe('NoSuchConfiguration');
  });
});
