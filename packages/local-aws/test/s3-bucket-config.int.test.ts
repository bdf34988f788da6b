import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateBucketCommand,
  DeleteBucketReplicationCommand,
  DeleteBucketTaggingCommand,
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  PutBucketReplicationCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  type ReplicationConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsHandle } from '../src/index.js';
import { AWS_CLI, errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

const run = promisify(execFile);
let fixture: LocalAwsFixture;
let aws: LocalAwsHandle;
let dataDir: string;
let s3: S3Client;

async function bucket(name: string, versioned: boolean) {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  if (versioned)
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
    );
}

const ROLE = 'arn:aws:iam::000000000000:role/batchops-replication';

const twoRules: ReplicationConfiguration = {
  Role: ROLE,
  Rules: [
    {
      ID: 'docs-to-archive',
      Priority: 1,
      Filter: {
        And: {
          Prefix: 'docs/',
          Tags: [
            { Key: 'team', Value: 'red' },
            { Key: 'keep', Value: 'yes' },
          ],
        },
      },
      Status: 'Enabled',
      Destination: {
        Bucket: 'arn:aws:s3:::cfg-dest-a',
        StorageClass: 'STANDARD_IA',
        ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
        Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
      },
      DeleteMarkerReplication: { Status: 'Disabled' },
    },
    {
      ID: 'logs',
      Priority: 2,
      Filter: { Prefix: 'logs/' },
      Status: 'Disabled',
      ExistingObjectReplication: { Status: 'Enabled' },
      Destination: { Bucket: 'arn:aws:s3:::cfg-dest-b' },
      DeleteMarkerReplication: { Status: 'Enabled' },
    },
  ],
};

beforeAll(async () => {
  fixture = await startFixture();
  ({ aws, dataDir, s3 } = fixture);
  await bucket('cfg-src', true);
  await bucket('cfg-dest-a', true);
  await bucket('cfg-dest-b', true);
  await bucket('cfg-plain', false);
});
afterAll(() => fixture.close());

describe('bucket replication over the wire', () => {
  it('answers ReplicationConfigurationNotFoundError before any configuration', async () => {
    const err = await errorOf(s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-src' })));
    expect(err.name).toBe('ReplicationConfigurationNotFoundError');
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it('round-trips a two-rule configuration with an And filter and RTC + metrics', async () => {
    await s3.send(new PutBucketReplicationCommand({ Bucket: 'cfg-src', ReplicationConfiguration: twoRules }));
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-src' }));
    expect(out.ReplicationConfiguration).toEqual(twoRules);
  });

  it('generates a rule ID when none is sent', async () => {
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'cfg-src',
        ReplicationConfiguration: {
          Role: ROLE,
          Rules: [{ Prefix: 'v1/', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::cfg-dest-a' } }],
        },
      }),
    );
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-src' }));
    expect(out.ReplicationConfiguration?.Rules?.[0]?.ID).toMatch(/^\S{16,}$/);
    expect(out.ReplicationConfiguration?.Rules?.[0]?.Prefix).toBe('v1/');
  });

  it('refuses an unversioned source, an unversioned destination and a missing destination', async () => {
    const put = (source: string, dest: string) =>
      s3.send(
        new PutBucketReplicationCommand({
          Bucket: source,
          ReplicationConfiguration: {
            Role: ROLE,
            Rules: [{ Prefix: '', Status: 'Enabled', Destination: { Bucket: `arn:aws:s3:::${dest}` } }],
          },
        }),
      );
    const unversionedSource = await errorOf(put('cfg-plain', 'cfg-dest-a'));
    expect(unversionedSource.name).toBe('InvalidRequest');
    expect(unversionedSource.message).toBe(
      "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
    );
    const unversionedDest = await errorOf(put('cfg-dest-a', 'cfg-plain'));
    expect(unversionedDest.message).toBe('Destination bucket must have versioning enabled.');
    const missing = await errorOf(put('cfg-dest-a', 'cfg-nowhere'));
    expect(missing.name).toBe('InvalidRequest');
    expect(missing.message).toBe('Destination bucket must exist.');
    expect(missing.$metadata.httpStatusCode).toBe(400);
    // Nothing was stored by the refused requests.
    const none = await errorOf(s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-dest-a' })));
    expect(none.name).toBe('ReplicationConfigurationNotFoundError');
  });

  it('deletes the configuration', async () => {
    await s3.send(new PutBucketReplicationCommand({ Bucket: 'cfg-src', ReplicationConfiguration: twoRules }));
    const del = await s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-src' }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    const err = await errorOf(s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-src' })));
    expect(err.name).toBe('ReplicationConfigurationNotFoundError');
  });

  it('works with the AWS CLI: put-bucket-replication from a file, then get-bucket-replication', async () => {
    const file = join(dataDir, 'replication.json');
    writeFileSync(file, JSON.stringify(twoRules));
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const cli = (...args: string[]) => run(AWS_CLI, [...args, '--endpoint-url', aws.url], { env });
    await cli(
      's3api',
      'put-bucket-replication',
      '--bucket',
      'cfg-src',
      '--replication-configuration',
      `file://${file}`,
    );
    const { stdout } = await cli(
      's3api',
      'get-bucket-replication',
      '--bucket',
      'cfg-src',
      '--output',
      'json',
    );
    const printed = JSON.parse(stdout) as { ReplicationConfiguration: ReplicationConfiguration };
    expect(printed.ReplicationConfiguration).toEqual(twoRules);
  }, 30_000);
});

describe('bucket tagging over the wire', () => {
  it('answers NoSuchTagSet, round-trips a tag set, and deletes it', async () => {
    const none = await errorOf(s3.send(new GetBucketTaggingCommand({ Bucket: 'cfg-plain' })));
    expect(none.name).toBe('NoSuchTagSet');
    expect(none.$metadata.httpStatusCode).toBe(404);
    const TagSet = [
      { Key: 'project', Value: 'batchops' },
      { Key: 'cost-centre', Value: '' },
    ];
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'cfg-plain', Tagging: { TagSet } }));
    const out = await s3.send(new GetBucketTaggingCommand({ Bucket: 'cfg-plain' }));
    expect(out.TagSet).toEqual(TagSet);
    const del = await s3.send(new DeleteBucketTaggingCommand({ Bucket: 'cfg-plain' }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(s3.send(new GetBucketTaggingCommand({ Bucket: 'cfg-plain' })))).name).toBe(
      'NoSuchTagSet',
    );
  });

  it('refuses 51 tags and duplicate keys with InvalidTag', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const tooMany = await errorOf(
      s3.send(new PutBucketTaggingCommand({ Bucket: 'cfg-plain', Tagging: { TagSet: many } })),
    );
    expect(tooMany.name).toBe('InvalidTag');
    expect(tooMany.$metadata.httpStatusCode).toBe(400);
    await s3.send(
      new PutBucketTaggingCommand({ Bucket: 'cfg-plain', Tagging: { TagSet: many.slice(0, 50) } }),
    );
    const dup = await errorOf(
      s3.send(
        new PutBucketTaggingCommand({
          Bucket: 'cfg-plain',
          Tagging: {
            TagSet: [
              { Key: 'a', Value: '1' },
              { Key: 'a', Value: '2' },
            ],
          },
        }),
      ),
    );
    expect(dup.name).toBe('InvalidTag');
    // The refused put left the 50 tags in place.
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: 'cfg-plain' }))).TagSet).toHaveLength(50);
  });
});

describe('read-only bucket configurations', () => {
  it('answers the default SSE-S3 encryption and an owner FULL_CONTROL ACL', async () => {
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'cfg-src' }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules).toEqual([
      { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false },
    ]);
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'cfg-src' }));
    expect(acl.Owner?.ID).toMatch(/^0{64}$/);
    expect(acl.Grants).toEqual([
      {
        Grantee: { Type: 'CanonicalUser', ID: acl.Owner?.ID, DisplayName: acl.Owner?.DisplayName },
        Permission: 'FULL_CONTROL',
      },
    ]);
  });

  it.each([
    { Command: GetBucketPolicyCommand, code: 'NoSuchBucketPolicy' },
    { Command: GetPublicAccessBlockCommand, code: 'NoSuchPublicAccessBlockConfiguration' },
    { Command: GetBucketLifecycleConfigurationCommand, code: 'NoSuchLifecycleConfiguration' },
    { Command: GetBucketCorsCommand, code: 'NoSuchCORSConfiguration' },
  ])('$Command.name answers 404 $code', async ({ Command, code }) => {
    const err = await errorOf(s3.send(new Command({ Bucket: 'cfg-src' }) as GetBucketPolicyCommand));
    expect(err.name).toBe(code);
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it('answers NoSuchBucket for a configuration of a missing bucket', async () => {
    const err = await errorOf(s3.send(new GetBucketEncryptionCommand({ Bucket: 'cfg-missing' })));
    expect(err.name).toBe('NoSuchBucket');
  });
});
