import {
  CreateBucketCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketAclCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { JobOperation } from '@aws-sdk/client-s3-control';
import { csvJobInput, eventually, reportLines, runJobToEnd } from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsFixture } from './support/local-aws-fixture.js';
import { ACCOUNT_A, useTwoAccounts } from './support/two-accounts.js';

// Writes into another account's bucket need its consent (decision 0026): replication (live and
// Batch Replication) only within the destination's account until bucket policies; copy with an ACL grant.

const A = ACCOUNT_A;
const canonical = (account: string) => account.padStart(64, '0');

const accounts = useTwoAccounts({ engine: { concurrency: 4, flushMs: 50 } }, ({ a }) =>
  a.send(new CreateBucketCommand({ Bucket: 'cw-reports' })).then(() => {}),
);
let fx: LocalAwsFixture;
let a: S3Client;
let b: S3Client;
beforeAll(() => {
  ({ fx, a, b } = accounts);
});

async function versioned(client: S3Client, Bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
  );
}

/** A's source bucket replicating everything (delete markers too) to `dests`. */
const replicateTo = (Bucket: string, dests: string[]) =>
  a.send(
    new PutBucketReplicationCommand({
      Bucket,
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${A}:role/batchops-replication`,
        Rules: dests.map((d, i) => ({
          ID: `to-${d}`,
          Priority: i + 1,
          Status: 'Enabled',
          Filter: {},
          DeleteMarkerReplication: { Status: 'Enabled' },
          Destination: { Bucket: `arn:aws:s3:::${d}` },
        })),
      },
    }),
  );

const versionsOf = async (client: S3Client, Bucket: string) => {
  const out = await client.send(new ListObjectVersionsCommand({ Bucket }));
  return { versions: out.Versions?.length ?? 0, markers: out.DeleteMarkers?.length ?? 0 };
};

/** Run a job of account A over a CSV manifest and return its report rows: [key, status, http, code, message]. */
async function runJob(name: string, rows: string[], Operation: JobOperation): Promise<string[][]> {
  const Key = `manifests/${name}.csv`;
  const put = await a.send(new PutObjectCommand({ Bucket: 'cw-reports', Key, Body: rows.join('\n') }));
  const input = csvJobInput({
    accountId: A,
    operation: Operation,
    manifest: { ObjectArn: `arn:aws:s3:::cw-reports/${Key}`, ETag: put.ETag },
    fields: rows[0]?.split(',').length === 3 ? ['Bucket', 'Key', 'VersionId'] : ['Bucket', 'Key'],
    reportBucket: 'cw-reports',
    reportPrefix: name,
    priority: 1,
  });
  // Tasks refused by another account fail one by one: the job itself completes.
  const { JobId, Status } = await runJobToEnd(fx.s3control, input);
  expect(Status).toBe('Complete');
  const out: string[][] = [];
  for (const line of await reportLines(a, 'cw-reports', name, JobId as string)) {
    const [, key, , status, http, code, ...message] = line.split(',');
    out.push([decodeURIComponent(key ?? ''), status ?? '', http ?? '', code ?? '', message.join(',')]);
  }
  return out.sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));
}

describe('live replication into another account', () => {
  it('is accepted as a configuration, then fails each version (FAILED) and writes nothing there; same account still replicates', async () => {
    await versioned(a, 'cw-src');
    await versioned(a, 'cw-own');
    await versioned(b, 'cw-theirs');
    // S3 accepts the configuration: the destination's consent is checked when replicating.
    await replicateTo('cw-src', ['cw-own', 'cw-theirs']);
    const put = await a.send(new PutObjectCommand({ Bucket: 'cw-src', Key: 'k', Body: 'data' }));
    await eventually(async () =>
      expect((await a.send(new HeadObjectCommand({ Bucket: 'cw-src', Key: 'k' }))).ReplicationStatus).toBe(
        'FAILED',
      ),
    );
    const replica = await a.send(
      new HeadObjectCommand({ Bucket: 'cw-own', Key: 'k', VersionId: put.VersionId }),
    );
    expect(replica.ReplicationStatus).toBe('REPLICA');
    // A delete marker is not replicated into B's bucket either; into A's own it is.
    await a.send(new DeleteObjectCommand({ Bucket: 'cw-src', Key: 'k' }));
    await eventually(async () => expect(await versionsOf(a, 'cw-own')).toEqual({ versions: 1, markers: 1 }));
    expect(await versionsOf(b, 'cw-theirs')).toEqual({ versions: 0, markers: 0 });
  });

  it('an ACL WRITE grant is no consent to replicate (that needs s3:ReplicateObject in a bucket policy)', async () => {
    await versioned(a, 'cw-src2');
    await versioned(b, 'cw-granted');
    await b.send(new PutBucketAclCommand({ Bucket: 'cw-granted', GrantWrite: `id="${canonical(A)}"` }));
    await replicateTo('cw-src2', ['cw-granted']);
    await a.send(new PutObjectCommand({ Bucket: 'cw-src2', Key: 'k', Body: 'data' }));
    await eventually(async () =>
      expect((await a.send(new HeadObjectCommand({ Bucket: 'cw-src2', Key: 'k' }))).ReplicationStatus).toBe(
        'FAILED',
      ),
    );
    expect(await versionsOf(b, 'cw-granted')).toEqual({ versions: 0, markers: 0 });
  });
});

describe('Batch Operations jobs that write into another account', () => {
  it("Batch Replication fails each task into B's bucket with S3's failure reason; into A's own it replicates", async () => {
    await versioned(a, 'cw-bsrc');
    await versioned(a, 'cw-bown');
    await versioned(b, 'cw-btheirs');
    const one = await a.send(new PutObjectCommand({ Bucket: 'cw-bsrc', Key: 'one', Body: '1' }));
    const two = await a.send(new PutObjectCommand({ Bucket: 'cw-bsrc', Key: 'two', Body: '2' }));
    await a.send(new DeleteObjectCommand({ Bucket: 'cw-bsrc', Key: 'gone' }));
    const marker = (await a.send(new ListObjectVersionsCommand({ Bucket: 'cw-bsrc', Prefix: 'gone' })))
      .DeleteMarkers?.[0]?.VersionId;
    // Same account first: succeeds.
    await replicateTo('cw-bsrc', ['cw-bown']);
    const ok = await runJob('cw-same', [`cw-bsrc,one,${one.VersionId}`], { S3ReplicateObject: {} });
    expect(ok.map((r) => r.slice(0, 3))).toEqual([['one', 'succeeded', '200']]);
    // Another account's bucket: refused, objects and delete markers alike.
    await replicateTo('cw-bsrc', ['cw-btheirs']);
    const refused = await runJob('cw-other', [`cw-bsrc,two,${two.VersionId}`, `cw-bsrc,gone,${marker}`], {
      S3ReplicateObject: {},
    });
    expect(refused.map((r) => r.slice(0, 4))).toEqual([
      ['gone', 'failed', '403', 'DstDelObjNotPermitted'],
      ['two', 'failed', '403', 'DstPutObjectNotPermitted'],
    ]);
    expect(refused[1]?.[4]).toContain('s3:ReplicateObject');
    expect((await a.send(new HeadObjectCommand({ Bucket: 'cw-bsrc', Key: 'two' }))).ReplicationStatus).toBe(
      'FAILED',
    );
    expect(await versionsOf(b, 'cw-btheirs')).toEqual({ versions: 0, markers: 0 });
  });

  it("a copy job into B's bucket fails AccessDenied until B's ACL grants A WRITE; into A's own it copies", async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'cw-csrc' }));
    await a.send(new CreateBucketCommand({ Bucket: 'cw-cown' }));
    await b.send(new CreateBucketCommand({ Bucket: 'cw-ctheirs' }));
    await a.send(new PutObjectCommand({ Bucket: 'cw-csrc', Key: 'c', Body: 'copy me' }));
    const copyTo = (bucket: string): JobOperation => ({
      S3PutObjectCopy: { TargetResource: `arn:aws:s3:::${bucket}` },
    });
    expect((await runJob('cw-copy-own', ['cw-csrc,c'], copyTo('cw-cown'))).map((r) => r[1])).toEqual([
      'succeeded',
    ]);
    const refused = await runJob('cw-copy-other', ['cw-csrc,c'], copyTo('cw-ctheirs'));
    expect(refused.map((r) => r.slice(0, 4))).toEqual([['c', 'failed', '403', 'AccessDenied']]);
    expect(await versionsOf(b, 'cw-ctheirs')).toEqual({ versions: 0, markers: 0 });
    // B consents through its ACL (decision 0016): the same copy now succeeds.
    await b.send(new PutBucketAclCommand({ Bucket: 'cw-ctheirs', GrantWrite: `id="${canonical(A)}"` }));
    const granted = await runJob('cw-copy-granted', ['cw-csrc,c'], copyTo('cw-ctheirs'));
    expect(granted.map((r) => r.slice(0, 3))).toEqual([['c', 'succeeded', '200']]);
  });
});
