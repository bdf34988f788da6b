import { demo, expect, test } from '../fixtures';
import { createTaggingJob, createVersionedBucket } from '../support/local-aws';

const shot = (name: string) => `screenshots/${name}.png`;

test('screenshots of each page at 1280×800', async ({ page, request, jobsPage, wizard, jobPage }) => {
  await page.setViewportSize({ width: 1280, height: 800 });

  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await page.screenshot({ path: shot('01-jobs-empty') });

  await wizard.goto();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await page.screenshot({ path: shot('02-wizard-manifest') });
  await page.getByRole('button', { name: 'Browse S3' }).click();
  await expect(page.getByRole('dialog')).toContainText(demo.sourceBucket);
  await page.screenshot({ path: shot('03-wizard-browse-s3') });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await wizard.nextButton.click();
  await page.getByRole('textbox', { name: 'Tag key 1' }).fill('reviewed');
  await page.getByRole('textbox', { name: 'Tag value 1' }).fill('yes');
  await page.screenshot({ path: shot('04-wizard-operation') });
  await wizard.nextButton.click();
  await wizard.description.fill('Tag the demo objects as reviewed');
  await page.getByRole('radio', { name: 'All tasks' }).check();
  await wizard.reportDestination.fill(`s3://${demo.reportsBucket}/reports/`);
  await page.screenshot({ path: shot('05-wizard-options') });
  await wizard.nextButton.click();
  await expect(wizard.check('Manifest ETag')).toBeVisible();
  await page.getByRole('button', { name: 'Show AWS CLI command' }).click();
  await page.screenshot({ path: shot('06-wizard-review'), fullPage: true });
  await wizard.createButton.click();

  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await page.screenshot({ path: shot('07-job-suspended') });
  await jobPage.runJobButton.click();
  await expect(jobPage.dialog).toContainText('540');
  await page.screenshot({ path: shot('08-run-job-modal') });
  await jobPage.dialog.getByRole('button', { name: 'Run job' }).click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await page.screenshot({ path: shot('09-job-complete'), fullPage: true });

  await createTaggingJob(request, {
    description: 'nightly archive',
    tags: [{ key: 'team', value: 'storage' }],
  });
  await jobsPage.goto();
  await expect(jobsPage.table.getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: shot('10-jobs-list') });

  await page.getByRole('button', { name: 'Preferences' }).first().click();
  await page.getByRole('menuitemcheckbox', { name: 'Dark mode' }).click();
  await page.screenshot({ path: shot('11-jobs-list-dark') });
  await page.getByRole('button', { name: 'Preferences' }).first().click();
  await page.getByRole('menuitemcheckbox', { name: 'Dark mode' }).click();
});

test('screenshots of the replication pages at 1280×800', async ({
  page,
  request,
  bucketsPage,
  bucketPage,
  ruleForm,
  batchJobForm,
  jobPage,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVersionedBucket('photos-source', {
    'index.html': '<html></html>',
    'photos/2026/01/a.jpg': 'a',
    'photos/2026/01/b.jpg': 'b',
    'notes.txt': 'notes',
  });
  expect(
    (await request.post('/api/buckets', { data: { name: 'photos-replica', versioning: true } })).status(),
  ).toBe(201);

  await bucketsPage.goto();
  await bucketsPage.open('photos-source');
  await expect(bucketPage.objectRow('notes.txt')).toBeVisible();
  await page.screenshot({ path: shot('12-bucket-objects') });

  await bucketPage.managementTab.click();
  await bucketPage.rulesAction('Create replication rule').first().click();
  await ruleForm.ruleName.fill('photos-to-replica');
  await ruleForm.prefix.fill('photos/');
  await ruleForm.chooseDestination('photos-replica');
  await page.getByRole('checkbox', { name: /Change the storage class/ }).check();
  await page.screenshot({ path: shot('13-replication-rule-form'), fullPage: true });
  await ruleForm.saveButton.click();
  await expect(ruleForm.dialog).toBeVisible();
  await page.screenshot({ path: shot('14-replicate-existing-objects') });
  await ruleForm.answer(true);

  await expect(batchJobForm.heading).toBeVisible();
  await batchJobForm.waitsToBeRun.check();
  await batchJobForm.saveManifest.check();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  await page.screenshot({ path: shot('15-batch-replication-job'), fullPage: true });
  await batchJobForm.runsAutomatically.check();
  await batchJobForm.createButton.click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });

  await bucketPage.goto('photos-source', 'management');
  await expect(bucketPage.ruleRow('photos-to-replica')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: shot('16-bucket-replication-rules') });
  await page.goto('/buckets/photos-replica?prefix=photos%2F2026%2F01%2F');
  await expect(bucketPage.objectRow('a.jpg').getByRole('cell').last()).toHaveText('REPLICA', {
    timeout: 30_000,
  });
  await bucketPage.showVersions.click();
  await expect(bucketPage.objectRow('a.jpg').getByRole('cell').last()).toHaveText('REPLICA', {
    timeout: 30_000,
  });
  await page.screenshot({ path: shot('17-bucket-replicas') });
});
