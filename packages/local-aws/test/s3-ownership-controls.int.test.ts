import {
  CreateBucketCommand,
  GetBucketOwnershipControlsCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createAclBucket } from './support/acl-buckets.js';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

// Issue 24 §3: S3 turns ACLs off only over a bucket ACL that grants nothing but the owner's FULL_CONTROL.

const fx = useFixture({}, async ({ s3 }) => {
  await createAclBucket(s3, 'oc-public', { acl: 'public-read' });
  await s3.send(new CreateBucketCommand({ Bucket: 'oc-private', ObjectOwnership: 'ObjectWriter' }));
});

const enforce = (Bucket: string) =>
  fx.s3.send(
    new PutBucketOwnershipControlsCommand({
      Bucket,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    }),
  );

describe('PutBucketOwnershipControls BucketOwnerEnforced', () => {
  it('is InvalidBucketAclWithObjectOwnership over a public-read bucket ACL, and takes once the ACL is private', async () => {
    const err = await errorOf(enforce('oc-public'));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InvalidBucketAclWithObjectOwnership',
      400,
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
    ]);
    const kept = await fx.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'oc-public' }));
    expect(kept.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'ObjectWriter' }]);
    await fx.s3.send(new PutBucketAclCommand({ Bucket: 'oc-public', ACL: 'private' }));
    await enforce('oc-public');
    await enforce('oc-private');
    const now = await fx.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'oc-private' }));
    expect(now.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });
});
