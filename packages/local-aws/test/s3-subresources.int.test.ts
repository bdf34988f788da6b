import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetBucketAclCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  GetObjectTaggingCommand,
  type Grantee,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketAclCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  PutObjectTaggingCommand,
  RestoreObjectCommand,
} from '@aws-sdk/client-s3';
import { createVersionedBucket, putObjects, putVersions } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { createAclBucket } from './support/acl-buckets.js';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** PutObjectLegalHold on a version in the Object Lock bucket. */
const legalHold = (Key: string, VersionId: string | undefined, Status: 'ON' | 'OFF') =>
  fixture.s3.send(new PutObjectLegalHoldCommand({ Bucket: 'locked', Key, VersionId, LegalHold: { Status } }));

/** The canonical user of a second account this endpoint knows (ACLs may name only known grantees). */
const OTHER_ID = '111111111111'.padStart(64, '0');

const fixture = useFixture(
  {
    s3: { restoreDelayMs: 300, restoreDayMs: 1000 },
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' },
      { accessKeyId: 'other', secretAccessKey: 'other-secret', accountId: '111111111111' },
    ],
  },
  async () => {
    await createAclBucket(fixture.s3, 'plain');
    await createVersionedBucket(fixture.s3, 'versioned');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'locked', ObjectLockEnabledForBucket: true }));
  },
);

describe('object tagging', () => {
  it('puts, gets and deletes a tag set, per version', async () => {
    const [v1] = await putVersions(fixture.s3, 'versioned', 't', 'one', 'two');
    const put = await fixture.s3.send(
      new PutObjectTaggingCommand({
        Bucket: 'versioned',
        Key: 't',
        VersionId: v1.VersionId,
        Tagging: {
          TagSet: [
            { Key: 'team', Value: 'a&b' },
            { Key: 'empty', Value: '' },
          ],
        },
      }),
    );
    expect(put.VersionId).toBe(v1.VersionId);
    const got = await fixture.s3.send(
      new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 't', VersionId: v1.VersionId }),
    );
    expect(got.VersionId).toBe(v1.VersionId);
    expect(got.TagSet).toEqual([
      { Key: 'team', Value: 'a&b' },
      { Key: 'empty', Value: '' },
    ]);
    // The latest version kept its own (empty) tag set.
    const latest = await fixture.s3.send(new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 't' }));
    expect(latest.TagSet).toEqual([]);
    const head = await fixture.s3.send(
      new HeadObjectCommand({ Bucket: 'versioned', Key: 't', VersionId: v1.VersionId }),
    );
    expect(head.TagCount).toBe(2);

    await fixture.s3.send(
      new DeleteObjectTaggingCommand({ Bucket: 'versioned', Key: 't', VersionId: v1.VersionId }),
    );
    const after = await fixture.s3.send(
      new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 't', VersionId: v1.VersionId }),
    );
    expect(after.TagSet).toEqual([]);
  });

  it('refuses more than 10 tags, duplicate keys and a missing object', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'limits', Body: 'x' }));
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const tooMany = await errorOf(
      fixture.s3.send(
        new PutObjectTaggingCommand({ Bucket: 'plain', Key: 'limits', Tagging: { TagSet: eleven } }),
      ),
    );
    expect(tooMany.name).toBe('BadRequest');
    expect(tooMany.$metadata.httpStatusCode).toBe(400);
    const dup = await errorOf(
      fixture.s3.send(
        new PutObjectTaggingCommand({
          Bucket: 'plain',
          Key: 'limits',
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
    const missing = await errorOf(
      fixture.s3.send(new GetObjectTaggingCommand({ Bucket: 'plain', Key: 'nope' })),
    );
    expect(missing.name).toBe('NoSuchKey');
  });
});

describe('object ACL', () => {
  it('expands canned ACLs into the grants S3 shows', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'acl', Body: 'x' }));
    const initial = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'plain', Key: 'acl' }));
    const ownerId = initial.Owner?.ID;
    expect(ownerId).toMatch(/^[0-9]{64}$/);
    expect(initial.Grants).toEqual([
      {
        Grantee: { Type: 'CanonicalUser', ID: ownerId, DisplayName: initial.Owner?.DisplayName },
        Permission: 'FULL_CONTROL',
      },
    ]);

    await fixture.s3.send(new PutObjectAclCommand({ Bucket: 'plain', Key: 'acl', ACL: 'public-read' }));
    const pub = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'plain', Key: 'acl' }));
    expect(pub.Grants?.map((g) => [g.Grantee?.Type, g.Grantee?.URI ?? g.Grantee?.ID, g.Permission])).toEqual([
      ['CanonicalUser', ownerId, 'FULL_CONTROL'],
      ['Group', ALL_USERS, 'READ'],
    ]);

    await fixture.s3.send(
      new PutObjectAclCommand({ Bucket: 'plain', Key: 'acl', ACL: 'authenticated-read' }),
    );
    const auth = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'plain', Key: 'acl' }));
    expect(auth.Grants?.[1]?.Grantee?.URI).toBe('http://acs.amazonaws.com/groups/global/AuthenticatedUsers');
  });

  it('round-trips an AccessControlPolicy body and grant headers', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'acl-xml', Body: 'x' }));
    const other = OTHER_ID;
    await fixture.s3.send(
      new PutObjectAclCommand({
        Bucket: 'plain',
        Key: 'acl-xml',
        AccessControlPolicy: {
          Owner: { ID: '0'.repeat(64) },
          Grants: [
            { Grantee: { Type: 'CanonicalUser', ID: other }, Permission: 'READ_ACP' },
            { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
          ],
        },
      }),
    );
    const got = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'plain', Key: 'acl-xml' }));
    expect(got.Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: other }, Permission: 'READ_ACP' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ]);

    await fixture.s3.send(
      new PutObjectAclCommand({
        Bucket: 'plain',
        Key: 'acl-xml',
        GrantRead: `uri="${ALL_USERS}", id="${other}"`,
      }),
    );
    const fromHeaders = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'plain', Key: 'acl-xml' }));
    expect(fromHeaders.Grants?.map((g) => [g.Grantee?.URI ?? g.Grantee?.ID, g.Permission])).toEqual([
      [ALL_USERS, 'READ'],
      [other, 'READ'],
    ]);
  });

  const unknownId = 'a'.repeat(64);
  /** PutBucketAcl with an AccessControlPolicy granting READ to `Grantee`. */
  const grantRead = (Grantee: Grantee) =>
    fixture.s3.send(
      new PutBucketAclCommand({
        Bucket: 'plain',
        AccessControlPolicy: { Owner: { ID: '0'.repeat(64) }, Grants: [{ Grantee, Permission: 'READ' }] },
      }),
    );
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'PutBucketAcl naming a canonical user of no account',
      () => grantRead({ Type: 'CanonicalUser', ID: unknownId }),
      'InvalidArgument',
    ],
    [
      'PutBucketAcl naming an e-mail address',
      () => grantRead({ Type: 'AmazonCustomerByEmail', EmailAddress: 'x@example.com' }),
      'UnresolvableGrantByEmailAddress',
    ],
    [
      'PutBucketAcl grant header with an unknown id',
      () => fixture.s3.send(new PutBucketAclCommand({ Bucket: 'plain', GrantRead: `id="${unknownId}"` })),
      'InvalidArgument',
    ],
    [
      'PutObjectAcl grant header with an e-mail address',
      () =>
        fixture.s3.send(
          new PutObjectAclCommand({
            Bucket: 'plain',
            Key: 'acl-xml',
            GrantRead: 'emailAddress="x@example.com"',
          }),
        ),
      'UnresolvableGrantByEmailAddress',
    ],
  ])('refuses %s (400)', async (_name, put, code) => {
    const before = await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'plain' }));
    const err = await errorOf(put());
    expect([err.name, err.$metadata.httpStatusCode]).toEqual([code, 400]);
    expect((await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'plain' }))).Grants).toEqual(
      before.Grants,
    );
  });

  it('refuses an unknown permission with MalformedACLError', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'acl-bad', Body: 'x' }));
    const err = await errorOf(
      fixture.s3.send(
        new PutObjectAclCommand({
          Bucket: 'plain',
          Key: 'acl-bad',
          AccessControlPolicy: {
            Owner: { ID: '0'.repeat(64) },
            // biome-ignore lint/suspicious/noExplicitAny: an invalid enum value on purpose
            Grants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'EVERYTHING' as any }],
          },
        }),
      ),
    );
    expect(err.name).toBe('MalformedACLError');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });
});

describe('RestoreObject', () => {
  it('restores an archived object for a while, then it goes cold again', async () => {
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'plain', Key: 'cold', Body: 'frozen', StorageClass: 'GLACIER' }),
    );
    const cold = await errorOf(fixture.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cold' })));
    expect(cold.name).toBe('InvalidObjectState');
    expect(cold.$metadata.httpStatusCode).toBe(403);

    const first = await fixture.s3.send(
      new RestoreObjectCommand({
        Bucket: 'plain',
        Key: 'cold',
        RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Bulk' } },
      }),
    );
    expect(first.$metadata.httpStatusCode).toBe(202);
    const again = await errorOf(
      fixture.s3.send(
        new RestoreObjectCommand({ Bucket: 'plain', Key: 'cold', RestoreRequest: { Days: 1 } }),
      ),
    );
    expect(again.name).toBe('RestoreAlreadyInProgress');
    expect(again.$metadata.httpStatusCode).toBe(409);
    const ongoing = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'cold' }));
    expect(ongoing.Restore).toBe('ongoing-request="true"');
    expect(
      (await errorOf(fixture.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cold' })))).name,
    ).toBe('InvalidObjectState');

    await sleep(350);
    const warm = await fixture.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cold' }));
    expect(await warm.Body?.transformToString()).toBe('frozen');
    expect(warm.Restore).toMatch(/^ongoing-request="false", expiry-date=".+GMT"$/);

    // A restore of a restored copy only moves its expiry.
    const extend = await fixture.s3.send(
      new RestoreObjectCommand({ Bucket: 'plain', Key: 'cold', RestoreRequest: { Days: 1 } }),
    );
    expect(extend.$metadata.httpStatusCode).toBe(200);

    await sleep(1100);
    const expired = await errorOf(fixture.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cold' })));
    expect(expired.name).toBe('InvalidObjectState');
    expect(
      (await fixture.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'cold' }))).Restore,
    ).toBeUndefined();
  });

  it('refuses objects that are not archived, and a request without Days', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'warm', Body: 'x' }));
    const err = await errorOf(
      fixture.s3.send(
        new RestoreObjectCommand({ Bucket: 'plain', Key: 'warm', RestoreRequest: { Days: 1 } }),
      ),
    );
    expect(err.name).toBe('InvalidObjectState');
    expect(err.message).toBe("Restore is not allowed for the object's current storage class");
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'plain', Key: 'deep', Body: 'x', StorageClass: 'DEEP_ARCHIVE' }),
    );
    const noDays = await errorOf(
      fixture.s3.send(
        new RestoreObjectCommand({
          Bucket: 'plain',
          Key: 'deep',
          RestoreRequest: { GlacierJobParameters: { Tier: 'Standard' } },
        }),
      ),
    );
    expect(noDays.name).toBe('MalformedXML');
  });
});

describe('DeleteObjects', () => {
  it('deletes keys and versions, reporting markers and failures', async () => {
    const { 'd/a': a1 } = await putObjects(fixture.s3, 'versioned', { 'd/a': '1', 'd/b': '2' });
    const out = await fixture.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'versioned',
        Delete: {
          Objects: [{ Key: 'd/a', VersionId: a1.VersionId }, { Key: 'd/b' }, { Key: 'd/none' }],
        },
      }),
    );
    const byKey = Object.fromEntries((out.Deleted ?? []).map((d) => [d.Key, d]));
    expect(byKey['d/a']).toEqual({ Key: 'd/a', VersionId: a1.VersionId });
    expect(byKey['d/b']?.DeleteMarker).toBe(true);
    expect(byKey['d/b']?.DeleteMarkerVersionId).toMatch(/.+/);
    expect(out.Errors).toBeUndefined();

    const versions = await fixture.s3.send(
      new ListObjectVersionsCommand({ Bucket: 'versioned', Prefix: 'd/' }),
    );
    expect(versions.Versions?.map((v) => v.Key)).toEqual(['d/b']);
    expect(versions.DeleteMarkers?.map((m) => m.VersionId).sort()).toEqual(
      [byKey['d/b']?.DeleteMarkerVersionId, byKey['d/none']?.DeleteMarkerVersionId].sort(),
    );
  });

  it('answers nothing for successes in quiet mode, and refuses more than 1000 keys', async () => {
    await putObjects(fixture.s3, 'plain', { q1: '1', q2: '2' });
    const out = await fixture.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'plain',
        Delete: { Objects: [{ Key: 'q1' }, { Key: 'q2' }], Quiet: true },
      }),
    );
    expect(out.Deleted).toBeUndefined();
    expect(out.Errors).toBeUndefined();
    expect((await errorOf(fixture.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'q1' })))).name).toBe(
      'NotFound',
    );

    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
    const err = await errorOf(
      fixture.s3.send(new DeleteObjectsCommand({ Bucket: 'plain', Delete: { Objects: tooMany } })),
    );
    expect(err.name).toBe('MalformedXML');
  });

  it('reports a locked version as an AccessDenied error entry', async () => {
    const v = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'locked', Key: 'batch', Body: 'x', ObjectLockLegalHoldStatus: 'ON' }),
    );
    const out = await fixture.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'locked',
        Delete: { Objects: [{ Key: 'batch', VersionId: v.VersionId }], Quiet: true },
      }),
    );
    expect(out.Errors).toEqual([
      {
        Key: 'batch',
        VersionId: v.VersionId,
        Code: 'AccessDenied',
        Message: 'Access Denied because object protected by object lock.',
      },
    ]);
    await legalHold('batch', v.VersionId, 'OFF');
  });
});

describe('Object Lock', () => {
  it('refuses lock operations on a bucket created without Object Lock', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'unlocked', Body: 'x' }));
    const err = await errorOf(
      fixture.s3.send(
        new PutObjectLegalHoldCommand({ Bucket: 'plain', Key: 'unlocked', LegalHold: { Status: 'ON' } }),
      ),
    );
    expect(err.name).toBe('InvalidRequest');
    expect(err.message).toBe('Bucket is missing Object Lock Configuration');
    const cfg = await errorOf(fixture.s3.send(new GetObjectLockConfigurationCommand({ Bucket: 'plain' })));
    expect(cfg.name).toBe('ObjectLockConfigurationNotFoundError');
    expect(cfg.$metadata.httpStatusCode).toBe(404);
  });

  it('a legal hold blocks deleting its version until it is lifted', async () => {
    const v = await fixture.s3.send(new PutObjectCommand({ Bucket: 'locked', Key: 'hold', Body: 'x' }));
    await legalHold('hold', v.VersionId, 'ON');
    const hold = await fixture.s3.send(
      new GetObjectLegalHoldCommand({ Bucket: 'locked', Key: 'hold', VersionId: v.VersionId }),
    );
    expect(hold.LegalHold?.Status).toBe('ON');
    const denied = await errorOf(
      fixture.s3.send(new DeleteObjectCommand({ Bucket: 'locked', Key: 'hold', VersionId: v.VersionId })),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);

    await legalHold('hold', v.VersionId, 'OFF');
    await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'locked', Key: 'hold', VersionId: v.VersionId }));
    const gone = await errorOf(
      fixture.s3.send(new HeadObjectCommand({ Bucket: 'locked', Key: 'hold', VersionId: v.VersionId })),
    );
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('GOVERNANCE retention yields only to BypassGovernanceRetention', async () => {
    const v = await fixture.s3.send(new PutObjectCommand({ Bucket: 'locked', Key: 'gov', Body: 'x' }));
    const until = inDays(2);
    await fixture.s3.send(
      new PutObjectRetentionCommand({
        Bucket: 'locked',
        Key: 'gov',
        VersionId: v.VersionId,
        Retention: { Mode: 'GOVERNANCE', RetainUntilDate: until },
      }),
    );
    const got = await fixture.s3.send(
      new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'gov', VersionId: v.VersionId }),
    );
    expect(got.Retention?.Mode).toBe('GOVERNANCE');
    expect(got.Retention?.RetainUntilDate?.toISOString()).toBe(until.toISOString());

    // Shortening needs the bypass; extending does not.
    const shorten = await errorOf(
      fixture.s3.send(
        new PutObjectRetentionCommand({
          Bucket: 'locked',
          Key: 'gov',
          VersionId: v.VersionId,
          Retention: { Mode: 'GOVERNANCE', RetainUntilDate: inDays(1) },
        }),
      ),
    );
    expect(shorten.name).toBe('AccessDenied');
    await fixture.s3.send(
      new PutObjectRetentionCommand({
        Bucket: 'locked',
        Key: 'gov',
        VersionId: v.VersionId,
        Retention: { Mode: 'GOVERNANCE', RetainUntilDate: inDays(3) },
      }),
    );

    const denied = await errorOf(
      fixture.s3.send(new DeleteObjectCommand({ Bucket: 'locked', Key: 'gov', VersionId: v.VersionId })),
    );
    expect(denied.name).toBe('AccessDenied');
    await fixture.s3.send(
      new DeleteObjectCommand({
        Bucket: 'locked',
        Key: 'gov',
        VersionId: v.VersionId,
        BypassGovernanceRetention: true,
      }),
    );
    const gone = await errorOf(
      fixture.s3.send(new HeadObjectCommand({ Bucket: 'locked', Key: 'gov', VersionId: v.VersionId })),
    );
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('COMPLIANCE retention holds even with the bypass, and cannot be shortened', async () => {
    const v = await fixture.s3.send(
      new PutObjectCommand({
        Bucket: 'locked',
        Key: 'comp',
        Body: 'x',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: inDays(2),
      }),
    );
    const denied = await errorOf(
      fixture.s3.send(
        new DeleteObjectCommand({
          Bucket: 'locked',
          Key: 'comp',
          VersionId: v.VersionId,
          BypassGovernanceRetention: true,
        }),
      ),
    );
    expect(denied.name).toBe('AccessDenied');
    // Neither a move to GOVERNANCE nor a shorter date, even with the bypass.
    for (const Retention of [
      { Mode: 'GOVERNANCE', RetainUntilDate: inDays(5) },
      { Mode: 'COMPLIANCE', RetainUntilDate: inDays(1) },
    ] as const) {
      const refused = await errorOf(
        fixture.s3.send(
          new PutObjectRetentionCommand({
            Bucket: 'locked',
            Key: 'comp',
            VersionId: v.VersionId,
            BypassGovernanceRetention: true,
            Retention,
          }),
        ),
      );
      expect(refused.name, Retention.Mode).toBe('AccessDenied');
    }
    const still = await fixture.s3.send(
      new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'comp', VersionId: v.VersionId }),
    );
    expect(still.Retention?.Mode).toBe('COMPLIANCE');
  });

  it('applies the bucket default retention to new objects', async () => {
    const none = await fixture.s3.send(new GetObjectLockConfigurationCommand({ Bucket: 'locked' }));
    expect(none.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled' });
    const both = await errorOf(
      fixture.s3.send(
        new PutObjectLockConfigurationCommand({
          Bucket: 'locked',
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } },
          },
        }),
      ),
    );
    expect(both.name).toBe('MalformedXML');

    await fixture.s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: 'locked',
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 3 } },
        },
      }),
    );
    const cfg = await fixture.s3.send(new GetObjectLockConfigurationCommand({ Bucket: 'locked' }));
    expect(cfg.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 3 } },
    });

    const before = Date.now();
    const v = await fixture.s3.send(new PutObjectCommand({ Bucket: 'locked', Key: 'defaulted', Body: 'x' }));
    const r = await fixture.s3.send(
      new GetObjectRetentionCommand({ Bucket: 'locked', Key: 'defaulted', VersionId: v.VersionId }),
    );
    expect(r.Retention?.Mode).toBe('GOVERNANCE');
    const until = r.Retention?.RetainUntilDate?.getTime() ?? 0;
    expect(until).toBeGreaterThanOrEqual(before + 3 * 86_400_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3 * 86_400_000 + 1000);
    const denied = await errorOf(
      fixture.s3.send(
        new DeleteObjectCommand({ Bucket: 'locked', Key: 'defaulted', VersionId: v.VersionId }),
      ),
    );
    expect(denied.name).toBe('AccessDenied');
  });
});
