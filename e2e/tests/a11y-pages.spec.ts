import { expectAccessible } from '../a11y';
import { demo, expect, test } from '../fixtures';
import { createTaggingJob, putObject } from '../support/local-aws';

test('the job list, each wizard step and its dialogs, a job run and its dialogs pass axe', async ({
  page,
  wizard,
  jobPage,
  jobsPage,
}) => {
  // axe over many states on a loaded machine: minutes, not seconds.
  test.setTimeout(360_000);
  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await expectAccessible(page, 'the job list');

  await wizard.goto();
  await wizard.stepHeading('Choose Region and manifest').waitFor();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await expectAccessible(page, 'wizard step 1, a manifest named');
  await page.getByRole('button', { name: 'Browse S3' }).click();
  await expect(page.getByRole('dialog')).toContainText(demo.sourceBucket);
  await expectAccessible(page, 'the S3 bucket browser dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await wizard.nextButton.click();
  await wizard.stepHeading('Choose operation').waitFor();
  await page.getByRole('radio', { name: 'Replace all object tags' }).check();
  await page.getByRole('textbox', { name: 'Tag key 1' }).fill('a11y');
  await page.getByRole('textbox', { name: 'Tag value 1' }).fill('checked');
  await expectAccessible(page, 'wizard step 2, tagging');
  await wizard.nextButton.click();
  await wizard.stepHeading('Configure additional options').waitFor();
  await wizard.description.fill('axe walk');
  await wizard.reportDestination.fill(`s3://${demo.reportsBucket}/reports/`);
  await expectAccessible(page, 'wizard step 3, options');
  await wizard.createRoleFromTemplateButton.click();
  const template = page.getByRole('dialog', { name: 'Create role from template' });
  await expect(template.getByRole('region', { name: 'Trust policy' })).toBeVisible();
  await expectAccessible(page, 'the Create role from template dialog');
  await template.getByRole('button', { name: 'Cancel' }).click();
  await wizard.nextButton.click();
  await wizard.stepHeading('Review').waitFor();
  await page.getByRole('button', { name: 'Show AWS CLI command' }).click();
  await expectAccessible(page, 'wizard step 4, review with the code shown');

  await wizard.createButton.click();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expectAccessible(page, 'a job awaiting confirmation');
  await jobPage.cancelJobButton.click();
  await expect(jobPage.dialog).toBeVisible();
  await expectAccessible(page, 'the Cancel job dialog');
  await jobPage.dialog.getByRole('button', { name: 'Keep job' }).click();
  await expect(jobPage.dialog).toBeHidden();
  await jobPage.runJobButton.click();
  await expect(jobPage.dialog).toBeVisible();
  await expectAccessible(page, 'the Run job dialog');
  await jobPage.dialog.getByRole('button', { name: 'Run job' }).click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expectAccessible(page, 'a complete job with its report');
});

test('the bucket pages, the replication forms and the not-found page pass axe', async ({
  page,
  batchJobForm,
}) => {
  test.setTimeout(180_000);
  await page.goto('/buckets');
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await expectAccessible(page, 'the bucket list');
  await page.goto('/bucket/create');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'create bucket');
  await page.goto(`/buckets/${demo.sourceBucket}`);
  await expect(page.getByRole('heading', { level: 1, name: demo.sourceBucket })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page, 'a bucket’s objects');
  await page.goto(`/buckets/${demo.sourceBucket}?tab=management`);
  await expect(page.getByRole('heading', { name: /Replication rules/ })).toBeVisible();
  await expectAccessible(page, 'a bucket’s management tab');
  await page.goto(`/buckets/${demo.sourceBucket}/replication/create`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the replication rule form');
  await page.goto(`/buckets/${demo.sourceBucket}/replication/batch-job?source=existing`);
  await expect(batchJobForm.heading).toBeVisible();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  await expect(batchJobForm.preflightChecks).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'the Batch Replication job settings with their pre-flight');
  await page.goto('/no-such-page');
  await expectAccessible(page, 'a page that does not exist');
});

test('a job that completed with failures passes axe', async ({ page, request, jobPage }) => {
  test.setTimeout(120_000);
  // One object that exists and one that does not: the job ends with one failed task.
  const manifestKey = `manifests/a11y-partial-${Date.now().toString(36)}.csv`;
  await putObject(
    demo.sourceBucket,
    manifestKey,
    `${demo.sourceBucket},images/2024/object-0000.jpg\n${demo.sourceBucket},no/such/object.jpg\n`,
  );
  const jobId = await createTaggingJob(request, {
    description: 'a11y partial',
    manifestKey,
    runOption: 'auto',
  });
  await jobPage.goto(jobId);
  await expect(jobPage.value('Status')).toContainText('Completed with failures', { timeout: 60_000 });
  await expect(jobPage.outcomeAlert).toBeVisible();
  await expect(jobPage.reportTable).toBeVisible();
  await expectAccessible(page, 'a job completed with failures, its outcome alert and report');
});
