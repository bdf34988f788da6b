import { expect, test } from '../fixtures';
import { createTaggingJob, putObject } from '../support/local-aws';

test('retry failed tasks opens the wizard over just the failed rows, at the role, with the job settings', async ({
  page,
  request,
  wizard,
  jobPage,
}) => {
  test.setTimeout(150_000);
  const manifestKey = `manifests/retry-wizard-${Date.now()}.csv`;
  await putObject(
    'batchops-demo-source',
    manifestKey,
    'batchops-demo-source,not-there/missing.txt\nbatchops-demo-source,manifests/demo-manifest.csv\n',
  );
  const jobId = await createTaggingJob(request, { description: 'retry me', manifestKey });
  await jobPage.goto(jobId);
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  // One of two tasks failed: a warning, not a green Complete; the report puts the failure first.
  await expect(jobPage.value('Status')).toContainText('Completed with failures', { timeout: 60_000 });
  await expect(jobPage.value('Status')).toContainText('Failed 1 (50 %)');
  await expect(jobPage.reportTable.getByRole('row').nth(1)).toContainText('not-there/missing.txt');
  await expect(jobPage.value('Failures by error code')).toContainText(': 1');

  // Retry: the wizard, not a new job; it opens at the options, where the role is chosen.
  await jobPage.retryFailedButton.click();
  await expect(page).toHaveURL(/\/batch-operations\/create/);
  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  await expect(page.getByText(`Retry the 1 failed tasks of job ${jobId}`)).toBeVisible();
  await expect(wizard.description).toHaveValue(`retry me (retry of ${jobId})`);
  await expect(wizard.roleSelect).toContainText('batchops-demo');

  // Review shows the job's operation over the failed-rows manifest; Create makes a job of one task.
  await wizard.nextButton.click();
  await expect(wizard.stepHeading('Review')).toBeVisible();
  await expect(page.getByText('Replace all object tags').first()).toBeVisible();
  await expect(page.getByText(new RegExp(`job-${jobId}/retry-.+\\.csv`)).first()).toBeVisible();
  // Pre-flight still sees the missing object the task failed on: the user creates the job knowingly.
  await expect(page.getByText('not found: s3://batchops-demo-source/not-there/missing.txt')).toBeVisible();
  await wizard.createButton.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create anyway' }).click();
  await expect(page).toHaveURL(/\/batch-operations\/jobs\//);
  expect(jobPage.jobId()).not.toBe(jobId);
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expect(jobPage.value('Total objects')).toHaveText('1');

  // Clone, too, opens the wizard filled in from the job: its manifest, operation and description.
  await jobPage.goto(jobId);
  await jobPage.cloneJobButton.click();
  await expect(wizard.stepHeading('Choose Region and manifest')).toBeVisible();
  await expect(wizard.manifestUri).toHaveValue(`s3://batchops-demo-source/${manifestKey}`);
  await wizard.nextButton.click();
  await expect(page.getByRole('radio', { name: 'Replace all object tags' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Tag key 1' })).toHaveValue('e2e');
});
