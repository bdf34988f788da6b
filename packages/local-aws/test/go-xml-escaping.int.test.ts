import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketInventoryConfigurationCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListObjectsV2Command,
  PutBucketInventoryConfigurationCommand,
  PutBucketReplicationCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  DescribeJobCommand,
  PutJobTaggingCommand,
  type S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { s3ClientFor, s3ControlClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  type LocalAwsFixture,
  startFixture,
  TEST_ROLE_ARN,
} from './support/local-aws-fixture.js';

// Go's encoding/xml (aws-sdk-go, rclone, s5cmd, minio-go, Terraform, restic) escapes text as
// `"` → &#34;, `'` → &#39;, tab/newline/CR → &#x9;/&#xA;/&#xD;. The JS SDK writes them raw or named;
// this plugin rewrites each serialized XML body's text the way Go does, before it is checksummed and
// signed, so every call below sends exactly what a Go client sends.
const goText = (t: string) =>
  t
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
type Stack = S3Client['middlewareStack'];
interface Args {
  request: { body?: unknown };
}
type Handler = (args: Args) => Promise<unknown>;
// The stack's overloads are typed per step; these two middlewares only read and set the body.
type Middleware = (next: Handler) => Handler;
const asStep = (m: Middleware) => m as never;

/** Rewrite each XML body's text as Go does (after serializing, before checksums and signing). */
function useGoEscaping(stack: Stack, sent: string[]) {
  const bodyOf = (args: Args) => args.request;
  stack.addRelativeTo(
    asStep((next) => async (args) => {
      const req = bodyOf(args);
      if (typeof req.body === 'string' && req.body.includes('<'))
        req.body = req.body.replace(/>([^<]+)</g, (_, t: string) => `>${goText(t)}<`);
      return next(args);
    }),
    { relation: 'after', toMiddleware: 'serializerMiddleware', name: 'goXmlEscaping' },
  );
  // Record the bodies as sent, to prove the escaping really went over the wire.
  stack.add(
    asStep((next) => async (args) => {
      const { body } = bodyOf(args);
      if (typeof body === 'string') sent.push(body);
      return next(args);
    }),
    { step: 'finalizeRequest' },
  );
}

let fixture: LocalAwsFixture;
let s3: S3Client;
let s3control: S3ControlClient;
let sent: string[];

beforeAll(async () => {
  fixture = await startFixture();
  // Clients of this file's own: the Go escaping middleware is added to their stacks.
  s3 = s3ClientFor(fixture.aws.url);
  s3control = s3ControlClientFor(fixture.aws.url);
  sent = [];
  useGoEscaping(s3.middlewareStack, sent);
  useGoEscaping(s3control.middlewareStack as unknown as Stack, sent);
  await s3.send(new CreateBucketCommand({ Bucket: 'go-xml' }));
});
afterAll(async () => {
  s3.destroy();
  s3control.destroy();
  await fixture.close();
});

const keyWithQuotes = `it's "quoted" & <odd>\ttab.txt`;

describe("XML bodies written with Go's escaping", () => {
  it('DeleteObjects deletes the key named, and reports that key', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'go-xml', Key: keyWithQuotes, Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: 'go-xml', Key: 'keep.txt', Body: 'x' }));
    const out = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'go-xml', Delete: { Objects: [{ Key: keyWithQuotes }] } }),
    );
    expect(sent.at(-1)).toContain('it&#39;s &#34;quoted&#34;');
    expect(out.Deleted?.map((d) => d.Key)).toEqual([keyWithQuotes]);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: 'go-xml' }));
    expect(left.Contents?.map((c) => c.Key)).toEqual(['keep.txt']);
  });

  it('CompleteMultipartUpload accepts part ETags written as &#34;…&#34;', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'go-xml', Key: 'mp' }));
    const part = await s3.send(
      new UploadPartCommand({ Bucket: 'go-xml', Key: 'mp', UploadId, PartNumber: 1, Body: 'hello' }),
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'go-xml',
        Key: 'mp',
        UploadId,
        MultipartUpload: { Parts: [{ ETag: part.ETag, PartNumber: 1 }] },
      }),
    );
    expect(sent.at(-1)).toMatch(/<ETag>&#34;[0-9a-f]{32}&#34;<\/ETag>/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'go-xml', Key: 'mp' }));
    expect(await got.Body?.transformToString()).toBe('hello');
  });

  it('a replication rule keeps a prefix written with &#39; and &#34;', async () => {
    for (const Bucket of ['go-xml-src', 'go-xml-dst']) {
      await s3.send(new CreateBucketCommand({ Bucket }));
      await s3.send(
        new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
      );
    }
    const Prefix = `bob's "docs"/`;
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'go-xml-src',
        ReplicationConfiguration: {
          Role: TEST_ROLE_ARN,
          Rules: [
            {
              ID: `rule "one"`,
              Status: 'Enabled',
              Priority: 1,
              Filter: { Prefix },
              DeleteMarkerReplication: { Status: 'Disabled' },
              Destination: { Bucket: 'arn:aws:s3:::go-xml-dst' },
            },
          ],
        },
      }),
    );
    expect(sent.at(-1)).toContain('bob&#39;s &#34;docs&#34;/');
    const got = await s3.send(new GetBucketReplicationCommand({ Bucket: 'go-xml-src' }));
    expect(got.ReplicationConfiguration?.Rules?.[0]).toMatchObject({ ID: 'rule "one"', Filter: { Prefix } });
  });

  it('S3 Control CreateJob and PutJobTagging read the same escaping', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'go-xml', Key: 'manifest.csv', Body: 'go-xml,keep.txt\n' }));
    const head = await s3.send(new GetObjectCommand({ Bucket: 'go-xml', Key: 'manifest.csv' }));
    const { JobId } = await s3control.send(
      new CreateJobCommand({
        AccountId: ACCOUNT_ID,
        ConfirmationRequired: true,
        Description: `Bob's "first" job`,
        Priority: 1,
        RoleArn: TEST_ROLE_ARN,
        Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'k', Value: 'v1' }] } },
        Manifest: {
          Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
          Location: { ObjectArn: 'arn:aws:s3:::go-xml/manifest.csv', ETag: head.ETag },
        },
        Report: { Enabled: false },
        ClientRequestToken: 'go-xml-escaping-1',
      }),
    );
    // The manifest's ETag is quoted: Go sends it as &#34;…&#34;, which must match the object's.
    expect(sent.at(-1)).toContain('Bob&#39;s &#34;first&#34; job');
    expect(sent.at(-1)).toMatch(/<ETag>&#34;[0-9a-f]{32}&#34;<\/ETag>/);
    await s3control.send(
      new PutJobTaggingCommand({ AccountId: ACCOUNT_ID, JobId, Tags: [{ Key: 'owner', Value: 'ana' }] }),
    );
    const job = await s3control.send(new DescribeJobCommand({ AccountId: ACCOUNT_ID, JobId }));
    expect(job.Job?.Description).toBe(`Bob's "first" job`);
    expect(job.Job?.Manifest?.Location?.ETag?.replace(/"/g, '')).toBe(head.ETag?.replace(/"/g, ''));
    expect(job.Job?.Status).not.toBe('Failed');
  });

  // The other XML bodies with free text; the rest (versioning, ownership, public access block,
  // Object Lock, retention, legal hold) hold enumerations and numbers only, which Go leaves alone.
  const text = `Ana's "q" & co`;
  it.each<[string, () => Promise<unknown>, () => Promise<unknown>]>([
    [
      'PutObjectTagging',
      () =>
        s3.send(
          new PutObjectTaggingCommand({
            Bucket: 'go-xml',
            Key: 'keep.txt',
            Tagging: { TagSet: [{ Key: 'k', Value: text }] },
          }),
        ),
      async () =>
        (await s3.send(new GetObjectTaggingCommand({ Bucket: 'go-xml', Key: 'keep.txt' }))).TagSet?.[0]
          ?.Value,
    ],
    [
      'PutBucketTagging',
      () =>
        s3.send(
          new PutBucketTaggingCommand({ Bucket: 'go-xml', Tagging: { TagSet: [{ Key: 'k', Value: text }] } }),
        ),
      async () => (await s3.send(new GetBucketTaggingCommand({ Bucket: 'go-xml' }))).TagSet?.[0]?.Value,
    ],
    [
      'PutBucketInventoryConfiguration',
      () =>
        s3.send(
          new PutBucketInventoryConfigurationCommand({
            Bucket: 'go-xml',
            Id: 'inv',
            InventoryConfiguration: {
              Id: 'inv',
              IsEnabled: true,
              IncludedObjectVersions: 'Current',
              Filter: { Prefix: text },
              Destination: {
                S3BucketDestination: { Bucket: 'arn:aws:s3:::go-xml', Format: 'CSV', Prefix: text },
              },
              Schedule: { Frequency: 'Daily' },
            },
          }),
        ),
      async () => {
        const got = await s3.send(
          new GetBucketInventoryConfigurationCommand({ Bucket: 'go-xml', Id: 'inv' }),
        );
        return got.InventoryConfiguration?.Filter?.Prefix ===
          got.InventoryConfiguration?.Destination?.S3BucketDestination?.Prefix
          ? got.InventoryConfiguration?.Filter?.Prefix
          : 'the two prefixes differ';
      },
    ],
  ])('%s keeps text written with &#39; and &#34;', async (_op, put, get) => {
    await put();
    expect(sent.at(-1)).toContain('Ana&#39;s &#34;q&#34; &amp; co');
    expect(await get()).toBe(text);
  });
});
