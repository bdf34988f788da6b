import { crc32 } from 'node:zlib';
import {
  CreateBucketCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { demo, expect, test } from '../fixtures';
import type { CreateJobWizard } from '../pages/create-job-wizard';
import type { JobDetailsPage } from '../pages/job-details-page';
import { localS3 } from '../support/local-aws';

// Issue 9's operations, each made in the wizard, run, and checked on the objects themselves.
// Needs the engine side of h-ops (legal hold, retention, checksum, restore, update encryption).

const reports = `s3://${demo.reportsBucket}/e2e-ops/`;
const lockKeys = ['docs/a.txt', 'docs/b.txt', 'docs/c.txt'];
const coldKeys = ['cold/one.bin', 'cold/two.bin'];
const plainKeys = ['plain/p1.txt', 'plain/p2.txt'];
const kmsKey = 'arn:aws:kms:us-east-1:000000000000:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';
const body = (key: string) => `content of ${key}\n`;
/** CRC32 as S3 writes it: the big-endian bytes, base64. */
const crc32Of = (text: string) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(Buffer.from(text)) >>> 0);
  return b.toString('base64');
};

async function putManifest(s3: S3Client, bucket: string, name: string, keys: string[]): Promise<string> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: `manifests/${name}.csv`,
      Body: keys.map((k) => `${bucket},${encodeURIComponent(k).replace(/%2F/g, '/')}\n`).join(''),
    }),
  );
  return `s3://${bucket}/manifests/${name}.csv`;
}

/** Create the job from Review and wait for it to complete. */
const createAndComplete = async (wizard: CreateJobWizard, jobPage: JobDetailsPage) => {
  await wizard.createButton.click();
  // CreateJob and the page's first reads can take a while on a loaded machine.
  await expect(jobPage.heading).toBeVisible({ timeout: 60_000 });
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
};

// Each job runs as a role made from the console's template for it, as a user's own buckets need.
const options = (what: string) => ({
  description: `e2e ${what}`,
  reportUri: reports,
  templateRole: `e2e-ops-${what.replaceAll(' ', '-')}`,
});
test('Object Lock legal hold and retention, compute checksum, restore and update encryption from the wizard', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(360_000);
  const s3 = localS3();
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-lock', ObjectLockEnabledForBucket: true }));
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-cold' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-plain' }));
  for (const k of plainKeys)
    await s3.send(new PutObjectCommand({ Bucket: 'e2e-plain', Key: k, Body: body(k) }));
  for (const k of lockKeys)
    await s3.send(new PutObjectCommand({ Bucket: 'e2e-lock', Key: k, Body: body(k) }));
  for (const k of coldKeys)
    await s3.send(
      new PutObjectCommand({ Bucket: 'e2e-cold', Key: k, Body: body(k), StorageClass: 'GLACIER' }),
    );
  const lockManifest = await putManifest(s3, 'e2e-lock', 'lock', lockKeys);
  const coldManifest = await putManifest(s3, 'e2e-cold', 'cold', coldKeys);
  const plainManifest = await putManifest(s3, 'e2e-plain', 'plain', plainKeys);

  // Legal hold ON.
  await wizard.goto();
  await wizard.chooseCsvManifest(lockManifest);
  await page.getByRole('radio', { name: 'Object Lock legal hold', exact: true }).check();
  await page.getByRole('radio', { name: 'Enable' }).check();
  await wizard.fillOptionsAndReview(options('legal hold'));
  await expect(page.getByText('Enable (ON)', { exact: true })).toBeVisible();
  await expect(await wizard.cliCommand()).toContainText(
    `'{"S3PutObjectLegalHold":{"LegalHold":{"Status":"ON"}}}'`,
  );
  await createAndComplete(wizard, jobPage);
  await expect(jobPage.value('Legal hold')).toHaveText('Enable (ON)');
  // The chart has the job's start and end at least.
  await expect(page.getByRole('heading', { name: 'Tasks over time' })).toBeVisible();
  await expect(page.getByText('No progress yet')).toHaveCount(0);
  for (const k of lockKeys) {
    const hold = await s3.send(new GetObjectLegalHoldCommand({ Bucket: 'e2e-lock', Key: k }));
    expect(hold.LegalHold?.Status).toBe('ON');
  }

  // Retention: governance mode until a day next year. A date in the past is refused first.
  const year = new Date().getUTCFullYear() + 1;
  await wizard.goto();
  await wizard.chooseCsvManifest(lockManifest);
  await page.getByRole('radio', { name: 'Object Lock retention', exact: true }).check();
  await page.getByRole('radio', { name: 'Governance mode' }).check();
  await page.getByRole('textbox', { name: 'Retain until date' }).fill('2020/01/01');
  await wizard.nextButton.click();
  await expect(page.getByText('must be a date in the future', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Retain until date' }).fill(`${year}/03/04`);
  await wizard.fillOptionsAndReview(options('retention'));
  await expect(page.getByText(`${year}-03-04T00:00:00.000Z`, { exact: true })).toBeVisible();
  await createAndComplete(wizard, jobPage);
  await expect(jobPage.value('Retention mode')).toHaveText('GOVERNANCE');
  for (const k of lockKeys) {
    const r = await s3.send(new GetObjectRetentionCommand({ Bucket: 'e2e-lock', Key: k }));
    expect(r.Retention?.Mode).toBe('GOVERNANCE');
    expect(r.Retention?.RetainUntilDate?.toISOString()).toBe(`${year}-03-04T00:00:00.000Z`);
  }

  // Compute checksum: CRC32 over the full object; the report carries the values.
  await wizard.goto();
  await wizard.chooseCsvManifest(lockManifest);
  await page.getByRole('radio', { name: 'Compute checksum', exact: true }).check();
  await page.getByRole('button', { name: 'Checksum function' }).click();
  await page.getByRole('option', { name: 'CRC32', exact: true }).click();
  await page.getByRole('radio', { name: 'Full object' }).check();
  await wizard.fillOptionsAndReview(options('checksum'));
  await createAndComplete(wizard, jobPage);
  await expect(page.getByRole('heading', { name: /Completion report \(3\)/ })).toBeVisible();
  for (const k of lockKeys)
    await expect(jobPage.reportTable.getByRole('row').filter({ hasText: k })).toContainText(crc32Of(body(k)));

  // Restore from Glacier for 1 day, Standard tier.
  await wizard.goto();
  await wizard.chooseCsvManifest(coldManifest);
  await page.getByRole('radio', { name: 'Restore', exact: true }).check();
  await page
    .getByRole('spinbutton', { name: 'Number of days that the restored copy is available' })
    .fill('0');
  await page.getByRole('radio', { name: 'Standard retrieval' }).check();
  await wizard.nextButton.click();
  await expect(page.getByText('at least 1 day', { exact: true })).toBeVisible();
  await page
    .getByRole('spinbutton', { name: 'Number of days that the restored copy is available' })
    .fill('1');
  await wizard.fillOptionsAndReview(options('restore'));
  await createAndComplete(wizard, jobPage);
  await expect(jobPage.value('Retrieval tier')).toHaveText('Standard');
  for (const k of coldKeys) {
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'e2e-cold', Key: k }));
    expect(head.Restore).toMatch(/ongoing-request=/);
  }

  // Update object encryption to SSE-KMS with a Bucket Key.
  await wizard.goto();
  await wizard.chooseCsvManifest(plainManifest);
  await page.getByRole('radio', { name: 'Update object encryption', exact: true }).check();
  await page.getByRole('textbox', { name: 'AWS KMS key ARN' }).fill('alias/not-a-key');
  await wizard.nextButton.click();
  await expect(page.getByText(/^must be a KMS key ARN/)).toBeVisible();
  await page.getByRole('textbox', { name: 'AWS KMS key ARN' }).fill(kmsKey);
  await wizard.fillOptionsAndReview(options('encryption'));
  await createAndComplete(wizard, jobPage);
  await expect(jobPage.value('Bucket Key')).toHaveText('Enabled');
  for (const k of plainKeys) {
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'e2e-plain', Key: k }));
    expect(head.ServerSideEncryption).toBe('aws:kms');
    expect(head.SSEKMSKeyId).toBe(kmsKey);
  }
  s3.destroy();
});
