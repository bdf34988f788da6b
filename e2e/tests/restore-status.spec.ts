import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { demo, expect, test } from '../fixtures';
import { localS3 } from '../support/local-aws';

// Issue 19 §2 and §3: Review estimates what the restore job would cost on AWS; the job's page then
// shows its objects restoring and, after local-aws's Standard delay (20 s in e2e), available.
const BUCKET = 'e2e-restore';
const keys = ['archive/2019/a.bin', 'archive/2019/b.bin'];

test('a restore job from the console: its cost on Review, then its objects go from restoring to available', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(180_000);
  const s3 = localS3();
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const Key of keys)
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key, Body: `cold ${Key}`, StorageClass: 'GLACIER' }),
    );
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: 'manifests/archive.csv',
      Body: keys.map((k) => `${BUCKET},${k}\n`).join(''),
    }),
  );
  s3.destroy();

  await wizard.goto();
  await wizard.chooseCsvManifest(`s3://${BUCKET}/manifests/archive.csv`);
  await page.getByRole('radio', { name: 'Restore', exact: true }).check();
  await page
    .getByRole('spinbutton', { name: 'Number of days that the restored copy is available' })
    .fill('1');
  await page.getByRole('radio', { name: 'Standard retrieval' }).check();
  await wizard.fillOptionsAndReview({
    description: 'e2e restore status',
    reportUri: `s3://${demo.reportsBucket}/e2e-restore/`,
    templateRole: 'e2e-restore-status',
  });

  await expect(page.getByRole('heading', { name: 'Estimated cost' })).toBeVisible();
  const summary =
    /^Nothing is charged here; on AWS this job would cost about \$0\.25 for 2 objects \(estimate, us-east-1 prices of \d{4}-\d{2}-\d{2}\)\.$/;
  await expect(page.getByRole('paragraph').filter({ hasText: summary })).toBeVisible();
  // The same line ends the CLI command's notes.
  await expect(page.getByText(summary)).toHaveCount(2);
  await expect(
    page
      .getByRole('table', { name: 'Cost estimate' })
      .getByRole('row', { name: /Standard restore requests/ }),
  ).toContainText('$0.05 per 1,000 Standard restore requests');

  await wizard.createButton.click();
  await expect(jobPage.heading).toBeVisible({ timeout: 60_000 });
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Restore status' })).toBeVisible();
  await expect(jobPage.value('Restoring')).toHaveText('2', { timeout: 15_000 });
  await expect(jobPage.value('Rest ready by (estimate)')).toContainText("local-aws's Standard delay");
  await expect(jobPage.value('Available')).toHaveText(/^2 \(until .+\)$/, { timeout: 60_000 });
  await expect(jobPage.value('Restoring')).toHaveText('0');
  await expect(jobPage.value('Checked')).toContainText('All 2 objects');
});
