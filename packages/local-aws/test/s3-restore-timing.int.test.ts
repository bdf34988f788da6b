import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  type Tier,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

// Issue 19 §2: a restore completes after its tier's delay and expires `Days` restore-days later,
// on local-aws's clock (moved forward here by less than SigV4's 15-minute skew).
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const DAY_MS = 10_000;
const fixture = useFixture({
  now,
  s3: { restoreDelayMs: { Expedited: 1_000, Standard: 3_000, Bulk: 6_000 }, restoreDayMs: DAY_MS },
});

const head = (Key: string) => fixture.s3.send(new HeadObjectCommand({ Bucket: 'cold', Key }));
const restoreOf = async (Key: string) => (await head(Key)).Restore;

describe('RestoreObject timing', () => {
  it('completes each tier after its own delay, then expires after Days of the restore clock', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'cold' }));
    const tiers: Tier[] = ['Expedited', 'Standard', 'Bulk'];
    for (const Tier of tiers) {
      await fixture.s3.send(
        new PutObjectCommand({ Bucket: 'cold', Key: Tier, Body: Tier, StorageClass: 'GLACIER' }),
      );
    }
    const start = now().getTime();
    for (const Tier of tiers) {
      const out = await fixture.s3.send(
        new RestoreObjectCommand({
          Bucket: 'cold',
          Key: Tier,
          RestoreRequest: { Days: 2, GlacierJobParameters: { Tier } },
        }),
      );
      expect(out.$metadata.httpStatusCode).toBe(202);
    }
    const ongoing = 'ongoing-request="true"';
    const expiryOf = (restore: string | undefined) =>
      Date.parse(restore?.match(/expiry-date="(.+)"/)?.[1] ?? '');

    offsetMs += 1_500;
    expect(await restoreOf('Expedited')).toMatch(/^ongoing-request="false", expiry-date=/);
    expect([await restoreOf('Standard'), await restoreOf('Bulk')]).toEqual([ongoing, ongoing]);
    const body = await fixture.s3.send(new GetObjectCommand({ Bucket: 'cold', Key: 'Expedited' }));
    expect(await body.Body?.transformToString()).toBe('Expedited');
    expect((await errorOf(fixture.s3.send(new GetObjectCommand({ Bucket: 'cold', Key: 'Bulk' })))).name).toBe(
      'InvalidObjectState',
    );

    offsetMs += 2_000;
    expect(await restoreOf('Standard')).toMatch(/^ongoing-request="false"/);
    expect(await restoreOf('Bulk')).toBe(ongoing);

    offsetMs += 3_000;
    // The expiry is the completion plus Days restore-days (to the second, as the header gives it).
    const bulk = await restoreOf('Bulk');
    expect(bulk).toMatch(/^ongoing-request="false"/);
    expect(Math.abs(expiryOf(bulk) - (start + 6_000 + 2 * DAY_MS))).toBeLessThan(1_000);

    // Past the Expedited copy's expiry (1 s + 2 days of 10 s), before the Bulk copy's (6 s + 20 s).
    offsetMs = start + 1_000 + 2 * DAY_MS + 1_000 - Date.now();
    expect(await restoreOf('Expedited')).toBeUndefined();
    expect(
      (await errorOf(fixture.s3.send(new GetObjectCommand({ Bucket: 'cold', Key: 'Expedited' })))).name,
    ).toBe('InvalidObjectState');
    expect(await restoreOf('Bulk')).toMatch(/^ongoing-request="false"/);
  });
});
