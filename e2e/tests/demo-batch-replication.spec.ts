import { demo, expect, test } from '../fixtures';
import { listKeys } from '../support/local-aws';

const DEST = 'demo-replicas';

// A new user's first Batch Replication, from the replication-rule dialog on the seeded demo bucket,
// keeping every default the screens offer (the prefilled demo role included): no fixture widens
// what the demo role may do.
test('a new rule on the demo bucket, "Replicate existing objects?" yes, defaults only: every object replicated', async ({
  page,
  replicationPages,
}) => {
  test.setTimeout(240_000);
  const { bucketsPage, bucketPage, ruleForm, batchJobForm, jobPage } = replicationPages;
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
  const source = await listKeys(demo.sourceBucket);
  expect(source.length).toBeGreaterThanOrEqual(demo.objects);
  expect(await listKeys(DEST)).toEqual(source);
});
