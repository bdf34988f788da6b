import { readdir } from 'node:fs/promises';
import { demo, expect, test } from '../fixtures';
import { createTaggingJob, createVersionedBucket } from '../support/local-aws';
import { type ScreenshotName, screenshotFile, screenshotList } from './screenshot-list';

// `pnpm --filter @batchops/e2e screenshots`: every page of screenshot-list.ts at 1280×800, numbered by that list.
const shot = (name: ScreenshotName) => ({ path: screenshotFile(name) });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the job list, the wizard, a job run and its report', async ({
  page,
  request,
  jobsPage,
  wizard,
  jobPage,
}) => {
  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await page.screenshot(shot('jobs-empty'));

  await wizard.goto();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await page.screenshot(shot('wizard-manifest'));
  await page.getByRole('button', { name: 'Browse S3' }).click();
  await expect(page.getByRole('dialog')).toContainText(demo.sourceBucket);
  await page.screenshot(shot('wizard-browse-s3'));
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await wizard.nextButton.click();
  await page.getByRole('radio', { name: 'Replace all object tags' }).check();
  await page.getByRole('textbox', { name: 'Tag key 1' }).fill('reviewed');
  await page.getByRole('textbox', { name: 'Tag value 1' }).fill('yes');
  await page.screenshot(shot('wizard-operation'));
  await wizard.nextButton.click();
  await wizard.description.fill('Tag the demo objects as reviewed');
  await page.getByRole('radio', { name: 'All tasks' }).check();
  await wizard.reportDestination.fill(`s3://${demo.reportsBucket}/reports/`);
  await page.screenshot(shot('wizard-options'));
  await wizard.nextButton.click();
  await expect(wizard.check('Role permissions')).toContainText('passed', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Show AWS CLI command' }).click();
  await page.screenshot({ ...shot('wizard-review'), fullPage: true });
  await wizard.createButton.click();

  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await page.screenshot(shot('job-suspended'));
  await jobPage.runJobButton.click();
  await expect(jobPage.dialog).toContainText('540');
  await page.screenshot(shot('run-job-modal'));
  await jobPage.dialog.getByRole('button', { name: 'Run job' }).click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await page.screenshot({ ...shot('job-complete'), fullPage: true });

  await createTaggingJob(request, {
    description: 'nightly archive',
    tags: [{ key: 'team', value: 'storage' }],
  });
  await jobsPage.goto();
  await expect(jobsPage.table.getByText('nightly archive')).toBeVisible();
  await page.screenshot(shot('jobs-list'));
  await page.getByRole('button', { name: 'Preferences' }).first().click();
  await page.getByRole('menuitemcheckbox', { name: 'Dark mode' }).click();
  await page.screenshot(shot('jobs-list-dark'));
  await page.getByRole('button', { name: 'Preferences' }).first().click();
  await page.getByRole('menuitemcheckbox', { name: 'Dark mode' }).click();
});

test('a role that lacks a permission: pre-flight, the failed job, the role template', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(180_000);
  await wizard.goto();
  await wizard.fillTaggingJob({
    manifestUri: demo.manifestUri,
    objectTag: { key: 'reviewed', value: 'yes' },
    description: 'Tag as a role that may not tag',
    reportUri: `s3://${demo.reportsBucket}/reports/`,
  });
  await page.getByRole('button', { name: 'Edit' }).nth(2).click();
  // Seeded beside the demo role: it lacks s3:PutObjectTagging.
  await wizard.chooseRole('batchops-demo-readonly');
  await wizard.nextButton.click();
  await expect(wizard.check('Role permissions')).toContainText('failed', { timeout: 20_000 });
  await wizard.preflightChecks.scrollIntoViewIfNeeded();
  await page.screenshot(shot('wizard-permissions-narrow-role'));
  await wizard.createButton.click();
  await wizard.createAnywayDialog.getByRole('button', { name: 'Create anyway' }).click();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  await expect(jobPage.outcomeAlert).toContainText('completed with failures', { timeout: 90_000 });
  await page.screenshot(shot('job-completed-with-failures'));
  const denied = page.getByRole('table', { name: 'Access denied by action' });
  await denied.scrollIntoViewIfNeeded();
  await page.screenshot(shot('access-denied-by-action'));
  await page.getByRole('button', { name: 'Create role from template' }).click();
  const modal = page.getByRole('dialog', { name: 'Create role from template' });
  await expect(modal.getByRole('region', { name: 'Trust policy' })).toBeVisible();
  await page.screenshot(shot('role-template-modal'));
  await modal.getByRole('button', { name: 'Cancel' }).click();
});

test('the operation forms, the chart and the overview', async ({
  page,
  request,
  wizard,
  jobPage,
  jobsPage,
}) => {
  await wizard.goto();
  await page.getByRole('radio', { name: 'Create manifest using S3 Replication configuration' }).check();
  await page.getByRole('searchbox', { name: 'Source bucket S3 URI' }).fill(`s3://${demo.sourceBucket}`);
  await page.getByRole('button', { name: 'Replication status' }).click();
  await page.getByRole('option', { name: /Replication failed/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Save Batch Operations manifest' }).check();
  await page
    .getByRole('searchbox', { name: 'Manifest destination S3 URI' })
    .fill(`s3://${demo.reportsBucket}/generated/`);
  await page.screenshot({ ...shot('wizard-replication-manifest'), fullPage: true });
  await wizard.nextButton.click();
  await page.screenshot({ ...shot('wizard-replicate-only'), fullPage: true });
  await wizard.goto();
  await page.getByRole('radio', { name: 'CSV' }).check();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await wizard.nextButton.click();
  const forms: [string, ScreenshotName][] = [
    ['Restore', 'wizard-restore'],
    ['Invoke AWS Lambda function', 'wizard-lambda'],
    ['Object Lock legal hold', 'wizard-legal-hold'],
    ['Object Lock retention', 'wizard-retention'],
    ['Compute checksum', 'wizard-checksum'],
    ['Update object encryption', 'wizard-update-encryption'],
  ];
  for (const [label, name] of forms) {
    await page.getByRole('radio', { name: label, exact: true }).check();
    if (label === 'Invoke AWS Lambda function') {
      await page.getByRole('radio', { name: 'Version 2.0' }).check();
      await page.getByRole('button', { name: 'Add user argument' }).click();
      await page.getByRole('textbox', { name: 'User argument key 1' }).fill('mode');
    }
    await page.screenshot({ ...shot(name), fullPage: true });
  }
  const id = await createTaggingJob(request, { description: 'chart', runOption: 'auto' });
  await jobPage.goto(id);
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await page.getByRole('heading', { name: 'Tasks over time' }).scrollIntoViewIfNeeded();
  await page.screenshot({ ...shot('job-chart'), fullPage: true });
  await jobsPage.goto();
  await expect(page.getByText('All jobs')).toBeVisible();
  await page.screenshot(shot('jobs-overview'));
});

test('the replication pages', async ({ page, request, replicationPages }) => {
  test.setTimeout(300_000);
  const { bucketsPage, bucketPage, ruleForm, batchJobForm, jobPage } = replicationPages;
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
  await page.screenshot(shot('bucket-objects'));

  await bucketPage.managementTab.click();
  await bucketPage.rulesAction('Create replication rule').first().click();
  await ruleForm.ruleName.fill('photos-to-replica');
  await ruleForm.prefix.fill('photos/');
  await ruleForm.chooseDestination('photos-replica');
  await page.getByRole('checkbox', { name: /Change the storage class/ }).check();
  await page.screenshot({ ...shot('replication-rule-form'), fullPage: true });
  await ruleForm.saveButton.click();
  await expect(ruleForm.dialog).toBeVisible();
  await page.screenshot(shot('replicate-existing-objects'));
  await ruleForm.answer(true);

  await expect(batchJobForm.heading).toBeVisible();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  // The demo role reaches the demo buckets only: this bucket's job gets a role from the template.
  await batchJobForm.createRoleFromTemplate('photos-replication');
  await batchJobForm.waitsToBeRun.check();
  await batchJobForm.saveManifest.check();
  await page.screenshot({ ...shot('batch-replication-job'), fullPage: true });
  await batchJobForm.runsAutomatically.check();
  await batchJobForm.createButton.click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });

  await bucketPage.goto('photos-source', 'management');
  await expect(bucketPage.ruleRow('photos-to-replica')).toBeVisible({ timeout: 30_000 });
  await page.screenshot(shot('bucket-replication-rules'));
  await page.goto('/buckets/photos-replica?prefix=photos%2F2026%2F01%2F');
  await bucketPage.showVersions.click();
  await expect(bucketPage.objectRow('a.jpg').getByRole('cell').last()).toHaveText('REPLICA', {
    timeout: 30_000,
  });
  await page.screenshot(shot('bucket-replicas'));
});

test('the pages opened by their route', async ({ page }) => {
  for (const entry of screenshotList) {
    if (!('route' in entry)) continue;
    await page.goto(entry.route);
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await page.screenshot(shot(entry.name));
  }
});

test('the folder holds exactly the listed screenshots', async () => {
  const files = (await readdir('screenshots')).filter((f) => f.endsWith('.png')).sort();
  expect(files).toEqual(screenshotList.map((s) => screenshotFile(s.name).replace('screenshots/', '')).sort());
});
