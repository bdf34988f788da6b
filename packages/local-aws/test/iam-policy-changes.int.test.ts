import { DeleteUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createUserWithKey, putUserPolicy, s3ClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

// A user's inline policies are cached between requests (issue 22 §2): each IAM write that changes
// them must hold from the very next request, over the wire.

const f = useFixture();
let user: S3Client;
const READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::policy-changes/*' };
const NO_READ = { ...READ, Effect: 'Deny' };
const get = () => user.send(new GetObjectCommand({ Bucket: 'policy-changes', Key: 'k' }));

beforeAll(async () => {
  await f.s3.send(new CreateBucketCommand({ Bucket: 'policy-changes' }));
  await f.s3.send(new PutObjectCommand({ Bucket: 'policy-changes', Key: 'k', Body: 'v' }));
  const { credentials } = await createUserWithKey(f.iam, 'reader', [READ]);
  user = s3ClientFor(f.aws.url, credentials);
});
afterAll(() => user?.destroy());

describe('a changed user policy', () => {
  it('applies from the next request: allowed, denied, allowed again, then not allowed', async () => {
    expect((await get()).$metadata.httpStatusCode).toBe(200);
    await putUserPolicy(f.iam, 'reader', 'no-read', NO_READ);
    expect((await errorOf(get())).name).toBe('AccessDenied');
    await f.iam.send(new DeleteUserPolicyCommand({ UserName: 'reader', PolicyName: 'no-read' }));
    expect((await get()).$metadata.httpStatusCode).toBe(200);
    await f.iam.send(new DeleteUserPolicyCommand({ UserName: 'reader', PolicyName: 'reader-policy' }));
    expect((await errorOf(get())).name).toBe('AccessDenied');
  });
});
