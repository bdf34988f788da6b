import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { demo, expect, test } from '../fixtures';
import { localS3 } from '../support/local-aws';

const DEST = 'demo-replicas';

// A new user's first Batch Replication, from the replication-rule dialog on the seeded demo bucket,
// keeping every default the screens offer (the prefilled demo role included): no fixture widens
// what the demo role may do.
test('a new rule on the demo bucket, "Replicate existing objects?" yes, defaults only: every object replicated', async ({
  page,
  bucketsPage,
  bucketPage,
  ruleForm,
  batchJobForm,
  jobPage,
}) => {
  test.setTimeout(240_000);
  await bucketsPage.goto();
  await bucketsPage.createBucket(DEST, 'Enable');

  await bucketPage.goto(demo.sourceBucket, 'management');
  await ruleForm.startRuleForAllObjects('demo-to-replicas', DEST);
  await expect(ruleForm.role).not.toHaveValue('');
  await ruleForm.saveButton.click();

  await expect(ruleForm.dialog).toBeVisible();
  await ruleForm.answer(true);
  await expect(batchJobForm.heading).toBeVisible();
  // The one choice the page leaves to the user: where the completion report goes.
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  await batchJobForm.createButton.click();

  await expect(jobPage.heading).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 120_000 });
  await expect(jobPage.value('Status reason')).toHaveText('-');

  // The destination's browser: a leaf folder's objects are replicas.
  await bucketPage.goto(DEST);
  for (const folder of ['images/', 'logs/', 'reports/'])
    await expect(bucketPage.objectRow(folder)).toBeVisible({ timeout: 30_000 });
  await bucketPage.openFolder('logs/');
  await bucketPage.openFolder('app/');
  const replicationCells = page.getByRole('row').filter({ hasText: '.log' }).getByRole('cell').last();
  await expect(replicationCells.first()).toHaveText('REPLICA', { timeout: 30_000 });

  // Every source object has its replica (the listing, as a user would check with the CLI).
  const s3 = localS3();
  try {
    const keys = async (bucket: string) => {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const o of page.Contents ?? []) out.push(o.Key ?? '');
        token = page.NextContinuationToken;
      } while (token);
      return out.sort();
    };
    const source = await keys(demo.sourceBucket);
    expect(source.length).toBeGreaterThanOrEqual(demo.objects);
    expect(await keys(DEST)).toEqual(source);
  } finally {
    s3.destroy();
  }
});
