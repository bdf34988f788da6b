import {
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { putObjects } from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAclBucket } from './support/acl-buckets.js';
import { useFixture } from './support/local-aws-fixture.js';

// Unsigned S3 requests get only what a bucket grants everyone: a policy with Principal "*" or an
// ACL grant to AllUsers (issue 24 §1, decision 0032).

const fx = useFixture({}, async ({ s3 }) => {
  await createAclBucket(s3, 'anon');
  const keys = ['open/a', 'closed/b', 'acl/c', 'auth/d'];
  await putObjects(s3, 'anon', Object.fromEntries(keys.map((k) => [k, `body of ${k}`])));
});
let s3: S3Client;
beforeAll(() => {
  s3 = fx.s3;
});

const unsigned = (path: string, init?: RequestInit) => fetch(`${fx.aws.url}${path}`, init);

describe('unsigned requests', () => {
  it('are refused everywhere until a bucket grants everyone something', async () => {
    for (const path of ['/', '/anon', '/anon/open/a']) {
      const r = await unsigned(path);
      expect([path, r.status]).toEqual([path, 403]);
      expect(await r.text()).toContain('<Code>AccessDenied</Code>');
    }
    expect((await unsigned('/anon-made', { method: 'PUT' })).status).toBe(403);
  });

  it('learn that a bucket does not exist, as S3 tells anyone (404 NoSuchBucket)', async () => {
    for (const init of [{}, { method: 'DELETE' }, { method: 'PUT', body: 'x' }]) {
      const r = await unsigned('/no-such-bucket/k', init);
      expect([init, r.status]).toEqual([init, 404]);
      expect(await r.text()).toContain('<Code>NoSuchBucket</Code>');
    }
  });

  it('read what a bucket policy grants "*", and nothing more', async () => {
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'anon',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::anon/open/*' },
          ],
        }),
      }),
    );
    const open = await unsigned('/anon/open/a');
    expect([open.status, await open.text()]).toEqual([200, 'body of open/a']);
    expect((await unsigned('/anon/closed/b')).status).toBe(403);
    expect((await unsigned('/anon/open/new', { method: 'PUT', body: 'x' })).status).toBe(403);
    expect((await unsigned('/anon?list-type=2')).status).toBe(403);
  });

  it('read an object whose ACL grants AllUsers (not AuthenticatedUsers), until IgnorePublicAcls', async () => {
    await s3.send(new PutObjectAclCommand({ Bucket: 'anon', Key: 'acl/c', ACL: 'public-read' }));
    await s3.send(new PutObjectAclCommand({ Bucket: 'anon', Key: 'auth/d', ACL: 'authenticated-read' }));
    expect((await unsigned('/anon/acl/c')).status).toBe(200);
    expect((await unsigned('/anon/auth/d')).status).toBe(403);
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'anon',
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: false,
          IgnorePublicAcls: true,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      }),
    );
    expect((await unsigned('/anon/acl/c')).status).toBe(403);
    // The policy's grant to everyone still holds: RestrictPublicBuckets is off.
    expect((await unsigned('/anon/open/a')).status).toBe(200);
  });
});
