import { demo, expect, test } from '../fixtures';
import { createTaggingJob } from '../support/local-aws';

const shot = (name: string) => `screenshots/${name}.png`;

// `playwright test --config playwright.screenshots.config.ts operations-screenshots`: the forms of
// issues 9 and 10, the tasks-over-time chart and the jobs overview.
test('screenshots of the operation forms, the chart and the overview', async ({
  page,
  request,
  wizard,
  jobPage,
  jobsPage,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
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
  await page.screenshot({ path: shot('12-wizard-replication-manifest'), fullPage: true });
  await wizard.nextButton.click();
  await page.screenshot({ path: shot('13-wizard-replicate-only'), fullPage: true });
  await wizard.goto();
  await page.getByRole('radio', { name: 'CSV' }).check();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await wizard.nextButton.click();
  const forms: [string, string][] = [
    ['Restore', '14-wizard-restore'],
    ['Invoke AWS Lambda function', '15-wizard-lambda'],
    ['Object Lock legal hold', '16-wizard-legal-hold'],
    ['Object Lock retention', '17-wizard-retention'],
    ['Compute checksum', '18-wizard-checksum'],
    ['Update object encryption', '19-wizard-update-encryption'],
  ];
  for (const [label, name] of forms) {
    await page.getByRole('radio', { name: label, exact: true }).check();
    if (label === 'Invoke AWS Lambda function') {
      await page.getByRole('radio', { name: 'Version 2.0' }).check();
      await page.getByRole('button', { name: 'Add user argument' }).click();
      await page.getByRole('textbox', { name: 'User argument key 1' }).fill('mode');
    }
    await page.screenshot({ path: shot(name), fullPage: true });
  }
  await createTaggingJob(request, { description: 'overview', runOption: 'auto' });
  const id = await createTaggingJob(request, { description: 'chart', runOption: 'auto' });
  await jobPage.goto(id);
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await page.getByRole('heading', { name: 'Tasks over time' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('20-job-chart'), fullPage: true });
  await jobsPage.goto();
  await expect(page.getByText('All jobs')).toBeVisible();
  await page.screenshot({ path: shot('21-jobs-overview') });
});
