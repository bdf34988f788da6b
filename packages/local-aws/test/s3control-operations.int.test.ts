import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectAttributesCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  type JobOperation,
  ListJobsCommand,
} from '@aws-sdk/client-s3-control';
import { csvJobInput, reportLines, runJobToEnd } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID as AccountId,
  errorOf,
  TEST_ROLE_ARN as RoleArn,
  useFixture,
} from './support/local-aws-fixture.js';

// Issue 10's operations through the SDK: restore, legal hold, retention, compute checksum and
// update encryption, each as a real job over real objects, checked on the objects and in the
// completion report.

const KEY_ARN = `arn:aws:kms:us-east-1:${AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
// A restore stays ongoing for the whole test, so a second request meets it in progress.
const fixture = useFixture(
  { engine: { concurrency: 8, flushMs: 50 }, s3: { restoreDelayMs: 600_000 } },
  async () => {
    for (const Bucket of ['ops', 'reports']) await fixture.s3.send(new CreateBucketCommand({ Bucket }));
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'locked', ObjectLockEnabledForBucket: true }));
  },
);

async function put(Bucket: string, Key: string, Body: string | Buffer, extra: Record<string, unknown> = {}) {
  const out = await fixture.s3.send(new PutObjectCommand({ Bucket, Key, Body, ...extra }));
  return { key: Key, versionId: out.VersionId, etag: (out.ETag as string).replaceAll('"', '') };
}

let manifests = 0;
async function manifestOf(rows: string[]): Promise<{ ObjectArn: string; ETag: string }> {
  const m = await put('ops', `manifests/${++manifests}.csv`, rows.join('\n'));
  return { ObjectArn: `arn:aws:s3:::ops/${m.key}`, ETag: m.etag };
}

function jobInput(
  location: { ObjectArn: string; ETag: string },
  Operation: JobOperation,
  fields: Array<'Bucket' | 'Key' | 'VersionId'> = ['Bucket', 'Key'],
): CreateJobCommandInput {
  return csvJobInput({
    operation: Operation,
    manifest: location,
    fields,
    reportBucket: 'reports',
    reportPrefix: 'ops',
    accountId: AccountId,
    roleArn: RoleArn,
  });
}

async function runJob(input: CreateJobCommandInput) {
  const job = await runJobToEnd(fixture.s3control, input);
  return { job, rows: await reportRows(job.JobId) };
}

/** One CSV record (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

interface Row {
  bucket: string;
  key: string;
  versionId: string;
  status: string;
  http: string;
  code: string;
  message: string;
}

/** The report's rows by key. */
async function reportRows(jobId: string): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (const line of await reportLines(fixture.s3, 'reports', 'ops', jobId)) {
    const [bucket, key, versionId, status, http, code, message] = csvFields(line) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.set(decodeURIComponent(key), { bucket, key, versionId, status, http, code, message });
  }
  return rows;
}

/** A completion report row of a failed task. */
const failed = (http: string, code: string) => ({ status: 'failed', http, code });

const createError = (input: CreateJobCommandInput) =>
  errorOf(fixture.s3control.send(new CreateJobCommand(input)));

describe('S3InitiateRestoreObject', () => {
  it('restores GLACIER and DEEP_ARCHIVE objects and reports the errors S3 gives', async () => {
    await put('ops', 'cold/glacier', 'g', { StorageClass: 'GLACIER' });
    await put('ops', 'cold/deep', 'd', { StorageClass: 'DEEP_ARCHIVE' });
    await put('ops', 'cold/standard', 's');
    const location = await manifestOf(['ops,cold/glacier', 'ops,cold/deep', 'ops,cold/standard']);
    const op = { S3InitiateRestoreObject: { ExpirationInDays: 3, GlacierJobTier: 'BULK' as const } };
    const { job, rows } = await runJob(jobInput(location, op));
    expect(job.Status).toBe('Complete');
    expect(job.Operation).toEqual(op);
    expect(rows.get('cold/glacier')).toMatchObject({ status: 'succeeded', http: '200' });
    expect(rows.get('cold/deep')).toMatchObject({ status: 'succeeded', http: '200' });
    expect(rows.get('cold/standard')).toMatchObject(failed('403', 'InvalidObjectState'));
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'ops', Key: 'cold/deep' }));
    expect(head.Restore).toBe('ongoing-request="true"');

    // The same objects again: both restores are still in progress.
    const again = await runJob(jobInput(location, op));
    expect(again.rows.get('cold/glacier')).toMatchObject(failed('409', 'RestoreAlreadyInProgress'));
  });

  it('refuses at CreateJob what the model and the docs refuse', async () => {
    const location = await manifestOf(['ops,cold/glacier']);
    const zero = await createError(
      jobInput(location, { S3InitiateRestoreObject: { ExpirationInDays: 0, GlacierJobTier: 'STANDARD' } }),
    );
    expect(zero.name).toBe('BadRequestException');
    expect(zero.message).toContain('ExpirationInDays');
    const expedited = await createError(
      jobInput(location, {
        S3InitiateRestoreObject: { ExpirationInDays: 1, GlacierJobTier: 'EXPEDITED' as 'BULK' },
      }),
    );
    expect(expedited.name).toBe('BadRequestException');
    expect(expedited.message).toContain('GlacierJobTier');
  });
});

describe('S3PutObjectLegalHold and S3PutObjectRetention', () => {
  it('puts a legal hold on, then off, and fails on a bucket without Object Lock', async () => {
    const v = await put('locked', 'held', 'h');
    await put('ops', 'unlocked', 'u');
    const location = await manifestOf(['locked,held', 'ops,unlocked']);
    const on = await runJob(jobInput(location, { S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } } }));
    expect(on.rows.get('held')).toMatchObject({ status: 'succeeded', http: '200' });
    expect(on.rows.get('unlocked')).toMatchObject(failed('400', 'InvalidRequest'));
    const hold = await fixture.s3.send(
      new GetObjectLegalHoldCommand({ Bucket: 'locked', Key: 'held', VersionId: v.versionId }),
    );
    expect(hold.LegalHold?.Status).toBe('ON');
    await runJob(jobInput(location, { S3PutObjectLegalHold: { LegalHold: { Status: 'OFF' } } }));
    const off = await fixture.s3.send(new GetObjectLegalHoldCommand({ Bucket: 'locked', Key: 'held' }));
    expect(off.LegalHold?.Status).toBe('OFF');
  });

  it('sets retention; shortening needs the bypass in GOVERNANCE and is refused in COMPLIANCE', async () => {
    await put('locked', 'gov', 'g');
    await put('locked', 'comp', 'c');
    const far = new Date(Date.now() + 10 * 86_400_000);
    const near = new Date(Date.now() + 2 * 86_400_000);
    const govOnly = await manifestOf(['locked,gov']);
    const set = await runJob(
      jobInput(govOnly, {
        S3PutObjectRetention: { Retention: { Mode: 'GOVERNANCE', RetainUntilDate: far } },
      }),
    );
    expect(set.rows.get('gov')).toMatchObject({ status: 'succeeded', http: '200' });
    const got = await fixture.s3.send(new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'gov' }));
    expect(got.Retention).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: far });

    const shorter = { Retention: { Mode: 'GOVERNANCE' as const, RetainUntilDate: near } };
    const denied = await runJob(jobInput(govOnly, { S3PutObjectRetention: shorter }));
    expect(denied.rows.get('gov')).toMatchObject(failed('403', 'AccessDenied'));
    const bypass = await runJob(
      jobInput(govOnly, { S3PutObjectRetention: { ...shorter, BypassGovernanceRetention: true } }),
    );
    expect(bypass.rows.get('gov')).toMatchObject({ status: 'succeeded' });
    expect(
      (await fixture.s3.send(new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'gov' }))).Retention
        ?.RetainUntilDate,
    ).toEqual(near);

    // Neither Mode nor RetainUntilDate removes the retention (GOVERNANCE: with the bypass).
    const removed = await runJob(
      jobInput(govOnly, { S3PutObjectRetention: { Retention: {}, BypassGovernanceRetention: true } }),
    );
    expect(removed.rows.get('gov')).toMatchObject({ status: 'succeeded' });
    const none = await errorOf(
      fixture.s3.send(new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'gov' })),
    );
    expect(none.name).toBe('NoSuchObjectLockConfiguration');

    await fixture.s3.send(
      new PutObjectRetentionCommand({
        Bucket: 'locked',
        Key: 'comp',
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: far },
      }),
    );
    const compliance = await runJob(
      jobInput(await manifestOf(['locked,comp']), {
        S3PutObjectRetention: {
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: near },
          BypassGovernanceRetention: true,
        },
      }),
    );
    expect(compliance.rows.get('comp')).toMatchObject(failed('403', 'AccessDenied'));
  });

  it('refuses a Retention with a Mode and no date, and a legal hold without a status', async () => {
    const location = await manifestOf(['locked,gov']);
    const half = await createError(
      jobInput(location, { S3PutObjectRetention: { Retention: { Mode: 'GOVERNANCE' } } }),
    );
    expect(half.name).toBe('BadRequestException');
    expect(half.message).toContain('Retention');
    const noStatus = await createError(
      jobInput(location, { S3PutObjectLegalHold: { LegalHold: {} as { Status: 'ON' } } }),
    );
    expect(noStatus.name).toBe('BadRequestException');
    expect(noStatus.message).toContain('Status');
  });
});

// Reference digests, independent of the engine's code: Node's own hashes and zlib's CRC32, and
// S3's (local-aws's) checksums of uploads for the CRCs Node lacks.
const BODY = Buffer.from('The quick brown fox jumps over the lazy dog\n'.repeat(2000));

describe('S3ComputeObjectChecksum', () => {
  it('computes every supported algorithm over the whole object and reports it', async () => {
    const obj = await put('ops', 'sum/whole', BODY, { ChecksumAlgorithm: 'CRC64NVME' });
    const crcs = await fixture.s3.send(
      new GetObjectAttributesCommand({ Bucket: 'ops', Key: 'sum/whole', ObjectAttributes: ['Checksum'] }),
    );
    const c32c = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'ops', Key: 'sum/c32c', Body: BODY, ChecksumAlgorithm: 'CRC32C' }),
    );
    const b64 = (algo: string) => createHash(algo).update(BODY).digest('base64');
    const crc32b = Buffer.alloc(4);
    crc32b.writeUInt32BE(crc32(BODY));
    const expected: Record<string, string> = {
      CRC32: crc32b.toString('base64'),
      CRC32C: c32c.ChecksumCRC32C as string,
      CRC64NVME: crcs.Checksum?.ChecksumCRC64NVME as string,
      MD5: b64('md5'),
      SHA1: b64('sha1'),
      SHA256: b64('sha256'),
      SHA512: b64('sha512'),
    };
    const location = await manifestOf(['ops,sum/whole']);
    for (const [algo, value] of Object.entries(expected)) {
      const { rows } = await runJob(
        jobInput(location, {
          S3ComputeObjectChecksum: { ChecksumAlgorithm: algo as 'CRC32', ChecksumType: 'FULL_OBJECT' },
        }),
      );
      const row = rows.get('sum/whole');
      expect(row, algo).toMatchObject({ status: 'succeeded', http: '200', code: '' });
      expect(JSON.parse(row?.message as string), algo).toEqual({
        checksum_base64: value,
        etag: obj.etag,
        checksumAlgorithm: algo,
        checksumType: 'FULL_OBJECT',
        checksum_hex: Buffer.from(value, 'base64').toString('hex'),
      });
    }
  });

  it('computes a COMPOSITE checksum of a multipart object as S3 does on upload', async () => {
    const part = Buffer.alloc(5 * 1024 * 1024, 7);
    const { UploadId } = await fixture.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'ops', Key: 'sum/multi', ChecksumAlgorithm: 'SHA256' }),
    );
    const parts = [];
    for (const [i, body] of [part, Buffer.from('tail')].entries()) {
      const out = await fixture.s3.send(
        new UploadPartCommand({
          Bucket: 'ops',
          Key: 'sum/multi',
          UploadId,
          PartNumber: i + 1,
          Body: body,
          ChecksumAlgorithm: 'SHA256',
        }),
      );
      parts.push({ PartNumber: i + 1, ETag: out.ETag, ChecksumSHA256: out.ChecksumSHA256 });
    }
    const done = await fixture.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'ops',
        Key: 'sum/multi',
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const location = await manifestOf(['ops,sum/multi', 'ops,sum/missing']);
    const { job, rows } = await runJob(
      jobInput(location, {
        S3ComputeObjectChecksum: { ChecksumAlgorithm: 'SHA256', ChecksumType: 'COMPOSITE' },
      }),
    );
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 1, NumberOfTasksFailed: 1 });
    const message = JSON.parse(rows.get('sum/multi')?.message as string);
    expect(message.checksum_base64).toBe(done.ChecksumSHA256);
    expect(message.checksum_base64).toMatch(/-2$/);
    expect(message.checksumType).toBe('COMPOSITE');
    expect(rows.get('sum/missing')).toMatchObject(failed('404', 'NoSuchKey'));

    // FULL_OBJECT MD5 of the same multipart object: what an upload cannot give.
    const md5 = await runJob(
      jobInput(location, {
        S3ComputeObjectChecksum: { ChecksumAlgorithm: 'MD5', ChecksumType: 'FULL_OBJECT' },
      }),
    );
    expect(JSON.parse(md5.rows.get('sum/multi')?.message as string).checksum_hex).toBe(
      createHash('md5')
        .update(Buffer.concat([part, Buffer.from('tail')]))
        .digest('hex'),
    );
  });

  it('computes the xxHash checksums (seed 0, FULL_OBJECT)', async () => {
    await put('ops', 'sum/empty', '');
    const location = await manifestOf(['ops,sum/empty']);
    // The reference digests of the empty input from xxHash's own test vectors.
    for (const [algorithm, hex] of [
      ['XXHASH64', 'ef46db3751d8e999'],
      ['XXHASH3', '2d06800538d394c2'],
      ['XXHASH128', '99aa06d3014798d86001c324468d497f'],
    ] as const) {
      const { rows } = await runJob(
        jobInput(location, {
          S3ComputeObjectChecksum: { ChecksumAlgorithm: algorithm, ChecksumType: 'FULL_OBJECT' },
        }),
      );
      const message = JSON.parse(rows.get('sum/empty')?.message as string);
      expect([message.checksumAlgorithm, message.checksum_hex], algorithm).toEqual([algorithm, hex]);
      expect(message.checksum_base64).toBe(Buffer.from(hex, 'hex').toString('base64'));
    }
  });

  it('refuses COMPOSITE where it is not defined, and a missing type', async () => {
    const location = await manifestOf(['ops,sum/whole']);
    for (const [params, field] of [
      [{ ChecksumAlgorithm: 'XXHASH64', ChecksumType: 'COMPOSITE' }, 'ChecksumType'],
      [{ ChecksumAlgorithm: 'CRC64NVME', ChecksumType: 'COMPOSITE' }, 'ChecksumType'],
      [{ ChecksumAlgorithm: 'MD5', ChecksumType: 'COMPOSITE' }, 'ChecksumType'],
      [{ ChecksumAlgorithm: 'SHA256' }, 'ChecksumType'],
    ] as const) {
      const err = await createError(jobInput(location, { S3ComputeObjectChecksum: params as never }));
      expect(err.name, JSON.stringify(params)).toBe('BadRequestException');
      expect(err.message).toContain(field);
    }
  });
});

describe('S3UpdateObjectEncryption', () => {
  it('changes objects to SSE-KMS with the key, keeping ETag and Last-Modified', async () => {
    const a = await put('ops', 'enc/a', 'aaa');
    const before = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'ops', Key: 'enc/a' }));
    await put('locked', 'enc/held', 'x', { ObjectLockLegalHoldStatus: 'ON' });
    const location = await manifestOf(['ops,enc/a', 'locked,enc/held']);
    const op = {
      S3UpdateObjectEncryption: {
        ObjectEncryption: { SSEKMS: { KMSKeyArn: KEY_ARN, BucketKeyEnabled: true } },
      },
    };
    const { job, rows } = await runJob(jobInput(location, op));
    expect(job.Operation).toEqual(op);
    expect(rows.get('enc/a')).toMatchObject({ status: 'succeeded', http: '200' });
    expect(rows.get('enc/held')).toMatchObject(failed('403', 'AccessDenied'));
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'ops', Key: 'enc/a' }));
    expect(head).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: KEY_ARN,
      BucketKeyEnabled: true,
      ETag: `"${a.etag}"`,
      LastModified: before.LastModified,
    });
    const got = await fixture.s3.send(new GetObjectCommand({ Bucket: 'ops', Key: 'enc/a' }));
    expect(got.SSEKMSKeyId).toBe(KEY_ARN);
    expect(await got.Body?.transformToString()).toBe('aaa');
  });

  it('refuses a KMSKeyArn that is not a full key ARN at CreateJob', async () => {
    const location = await manifestOf(['ops,enc/a']);
    const err = await createError(
      jobInput(location, {
        S3UpdateObjectEncryption: { ObjectEncryption: { SSEKMS: { KMSKeyArn: 'alias/my-key-alias-name' } } },
      }),
    );
    expect(err.name).toBe('BadRequestException');
    expect(err.message).toContain('KMSKeyArn');
  });
});

describe('DescribeJob and ListJobs', () => {
  it('name each new operation as given', async () => {
    const listed = await fixture.s3control.send(new ListJobsCommand({ AccountId, MaxResults: 1000 }));
    const ops = new Set(listed.Jobs?.map((j) => j.Operation));
    for (const op of [
      'S3InitiateRestoreObject',
      'S3PutObjectLegalHold',
      'S3PutObjectRetention',
      'S3ComputeObjectChecksum',
      'S3UpdateObjectEncryption',
    ]) {
      expect(ops.has(op as never), op).toBe(true);
    }
  });
});
