import { expect, test } from '../fixtures';
import { createTaggingJob, putObject } from '../support/local-aws';

test('retry the failed tasks of a job whose manifest names a missing key', async ({
  page,
  request,
  jobPage,
}) => {
  test.setTimeout(120_000);
  const manifestKey = `manifests/with-missing-${Date.now()}.csv`;
  await putObject(
    'batchops-demo-source',
    manifestKey,
    'batchops-demo-source,does-not-exist/missing.txt\nbatchops-demo-source,manifests/demo-manifest.csv\n',
  );
  const jobId = await createTaggingJob(request, { description: 'one key is missing', manifestKey });

  await jobPage.goto(jobId);
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  // One of two tasks failed: a warning, not a green Complete.
  await expect(jobPage.value('Status')).toContainText('Completed with failures', { timeout: 60_000 });
  await expect(jobPage.value('Status')).toContainText('Failed 1 (50 %)');
  await expect(jobPage.value('Failed')).toHaveText('1');

  // The report puts the failure first and counts it by error code.
  await expect(jobPage.reportTable.getByRole('row').nth(1)).toContainText('does-not-exist/missing.txt');
  await expect(jobPage.reportTable.getByRole('row').nth(1)).toContainText('failed');
  await expect(jobPage.value('Failures by error code')).toContainText(': 1');

  await jobPage.retryFailedButton.click();
  await expect(page).not.toHaveURL(new RegExp(jobId));
  await expect(jobPage.heading).toBeVisible();
  await expect(page.getByText(`over the 1 failed tasks of job ${jobId}`)).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expect(jobPage.value('Total objects')).toHaveText('1');
});
