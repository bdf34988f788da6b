import { readFile } from 'node:fs/promises';
import { demo, expect, test } from '../fixtures';

test('create a tagging job in the wizard, run it, watch it complete live, read all of its report and download it', async ({
  page,
  wizard,
  jobPage,
  jobsPage,
}) => {
  test.setTimeout(120_000);
  await jobsPage.goto();
  await jobsPage.createJobButtons.last().click();
  await expect(wizard.stepHeading('Choose Region and manifest')).toBeVisible();

  // The ETag is read from the manifest object as soon as it is named.
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await wizard.nextButton.click();
  await expect(wizard.stepHeading('Choose operation')).toBeVisible();
  await page.getByRole('radio', { name: 'Replace all object tags' }).check();
  await page.getByRole('textbox', { name: 'Tag key 1' }).fill('reviewed');
  await page.getByRole('textbox', { name: 'Tag value 1' }).fill('yes');
  await wizard.nextButton.click();

  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  // Local mode fills in the demo role, chosen in the account's role list.
  await expect(wizard.roleSelect).toContainText('batchops-demo');
  await wizard.description.fill('Tag the demo objects as reviewed');
  await expect(page.getByText('32/256 characters')).toBeVisible();
  await page.getByRole('radio', { name: 'All tasks' }).check();
  await wizard.reportDestination.fill(`s3://${demo.reportsBucket}/reports/`);
  await wizard.nextButton.click();

  await expect(wizard.stepHeading('Review')).toBeVisible();
  await expect(page.getByText('Tag the demo objects as reviewed', { exact: true })).toBeVisible();
  await expect(wizard.check('Manifest ETag')).toContainText('passed');
  await expect(wizard.check('Manifest readable')).toBeVisible();
  await page.getByRole('button', { name: 'Show AWS CLI command' }).click();
  await expect(page.getByLabel('AWS CLI command', { exact: true })).toContainText('aws s3control create-job');
  await expect(page.getByLabel('AWS CLI command', { exact: true })).toContainText('--confirmation-required');
  await wizard.createButton.click();

  // The job's page: waiting for confirmation.
  await expect(page).toHaveURL(/\/batch-operations\/jobs\//);
  await expect(jobPage.heading).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expect(jobPage.runJobButton).toBeEnabled();

  // Run job shows what will happen before it runs.
  await jobPage.runJobButton.click();
  await expect(jobPage.dialog).toContainText('Replace all object tags');
  await expect(jobPage.dialog).toContainText(String(demo.objects));
  await expect(jobPage.dialog).toContainText(`All tasks to s3://${demo.reportsBucket}/reports`);
  const navigations: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  await jobPage.dialog.getByRole('button', { name: 'Run job' }).click();

  // Live, with no reload: the stream moves the bar to Complete.
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expect(jobPage.value('Succeeded')).toHaveText(String(demo.objects));
  await expect(jobPage.value('Failed')).toHaveText('0');
  expect(navigations).toEqual([]);

  // The report in the browser: every row.
  await expect(jobPage.reportTable).toBeVisible();
  await expect(page.getByRole('heading', { name: /Completion report \(540\)/ })).toBeVisible();
  await jobPage.showReportRows('1000 rows');
  await expect(jobPage.reportTable.getByRole('row')).toHaveCount(demo.objects + 1);
  await expect(jobPage.reportTable.getByRole('row').nth(1)).toContainText('succeeded');

  // Each report file downloads as it is stored, and opens its folder in the bucket browser.
  const files = page.getByRole('list', { name: 'Report files' });
  const reportKey = `reports/job-${jobPage.jobId()}/results/`;
  // The report's manifest.json and one results CSV.
  await expect(files.getByRole('listitem')).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await files.getByRole('link', { name: /^Download .+\.csv$/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.trim().split('\n')).toHaveLength(demo.objects);
  await files.getByRole('link', { name: new RegExp(`^s3://${demo.reportsBucket}/${reportKey}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: demo.reportsBucket })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`prefix=${encodeURIComponent(reportKey)}`));
  await expect(page.getByRole('rowheader', { name: /\.csv$/ })).toHaveCount(1);
});

test('pre-flight catches a wrong manifest ETag before the job exists', async ({ page, wizard }) => {
  await wizard.goto();
  await wizard.fillTaggingJob({
    manifestUri: demo.manifestUri,
    etag: '0123456789abcdef0123456789abcdef',
    objectTag: { key: 'k', value: 'v' },
    description: 'never created',
    reportUri: `s3://${demo.reportsBucket}/reports/`,
  });
  await expect(wizard.check('Manifest ETag')).toContainText('failed');
  await expect(page.getByText('The pre-flight check found problems')).toBeVisible();
  await expect(wizard.check('Manifest readable')).toContainText('passed');
  // The failed check comes first and leads to the step that fixes it.
  await expect(wizard.preflightChecks.getByRole('listitem').first()).toHaveAccessibleName('Manifest ETag');
  await wizard
    .check('Manifest ETag')
    .getByRole('button', { name: 'Edit step 1: Choose Region and manifest' })
    .click();
  await expect(wizard.stepHeading('Choose Region and manifest')).toBeVisible();
  await expect(wizard.manifestEtag).toHaveValue('0123456789abcdef0123456789abcdef');
});
