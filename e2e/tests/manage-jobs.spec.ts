import { expect, test } from '../fixtures';
import { createTaggingJob } from '../support/local-aws';

test('find jobs by description and tag, change a priority, cancel one, clone another', async ({
  page,
  request,
  jobsPage,
  jobPage,
  wizard,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const nightly = await createTaggingJob(request, {
    description: `nightly archive ${stamp}`,
    tags: [{ key: 'team', value: `storage-${stamp}` }],
  });
  const adhoc = await createTaggingJob(request, { description: `adhoc cleanup ${stamp}` });

  // Free text searches the job ID, description, tags, status and operation; the filter lives in the URL.
  await jobsPage.goto();
  await expect(jobsPage.row(nightly)).toBeVisible();
  await jobsPage.filterBy(`team=storage-${stamp}`);
  await expect(jobsPage.row(nightly)).toBeVisible();
  await expect(jobsPage.row(adhoc)).toHaveCount(0);
  await jobsPage.clearFilters();
  await jobsPage.filterBy(`nightly ${stamp}`);
  await expect(page).toHaveURL(/text=nightly/);
  await expect(jobsPage.row(nightly)).toBeVisible();
  await expect(jobsPage.row(adhoc)).toHaveCount(0);
  await page.reload();
  await expect(jobsPage.row(nightly)).toBeVisible();
  await expect(jobsPage.row(adhoc)).toHaveCount(0);

  // By tag value, through the property filter.
  await jobsPage.clearFilters();
  await expect(jobsPage.row(adhoc)).toBeVisible();
  await jobsPage.filterBy(`Tag value = storage-${stamp}`);
  await expect(page).toHaveURL(/tagValue=storage-/);
  await expect(jobsPage.row(nightly)).toBeVisible();
  await expect(jobsPage.row(adhoc)).toHaveCount(0);
  await jobsPage.filterBy('Tag value = nobody-has-this');
  await expect(jobsPage.noMatchState).toBeVisible();
  await jobsPage.clearFilters();

  // Update priority from the list.
  await jobsPage.select(adhoc);
  await jobsPage.action('Update priority');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('spinbutton', { name: 'Priority' }).fill('42');
  await dialog.getByRole('button', { name: 'Save' }).click();
  // A cell that is exactly 42 (the ID and the dates may hold a 42 of their own), and the job says so.
  await expect(jobsPage.row(adhoc).getByRole('cell', { name: '42', exact: true })).toBeVisible();

  // Cancel with a reason; the row follows.
  await jobsPage.action('Cancel job');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('not needed any more');
  await dialog.getByRole('button', { name: 'Cancel job' }).click();
  await expect(jobsPage.row(adhoc)).toContainText('Cancelled', { timeout: 20_000 });
  await jobPage.goto(adhoc);
  await expect(jobPage.value('Priority')).toHaveText('42');
  await expect(jobPage.value('Status')).toHaveText('Cancelled');
  await expect(jobPage.value('Status reason')).toHaveText('not needed any more');
  await expect(jobPage.cancelJobButton).toBeDisabled();

  // Clone: the wizard opens with the job's settings.
  await jobPage.goto(nightly);
  await jobPage.cloneJobButton.click();
  await expect(wizard.stepHeading('Choose Region and manifest')).toBeVisible();
  await expect(wizard.manifestUri).toHaveValue('s3://batchops-demo-source/manifests/demo-manifest.csv');
  await wizard.nextButton.click();
  await expect(page.getByRole('radio', { name: 'Replace all object tags' })).toBeChecked();
  await wizard.nextButton.click();
  await expect(wizard.description).toHaveValue(`nightly archive ${stamp}`);
  await wizard.description.fill(`nightly archive ${stamp} again`);
  await wizard.nextButton.click();
  await expect(wizard.stepHeading('Review')).toBeVisible();
  await expect(page.getByText(`team=storage-${stamp}`, { exact: true })).toBeVisible();
  await wizard.createButton.click();
  await expect(jobPage.heading).toBeVisible();
  expect(jobPage.jobId()).not.toBe(nightly);
  await expect(page.getByText(`nightly archive ${stamp} again`, { exact: true })).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
});
