import { expectAccessible } from '../a11y';
import { demo, expect, test } from '../fixtures';

test('every page and state a journey passes through passes axe', async ({
  page,
  wizard,
  jobPage,
  jobsPage,
}) => {
  test.setTimeout(180_000);
  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await expectAccessible(page, 'the job list');

  await wizard.goto();
  await wizard.stepHeading('Choose Region and manifest').waitFor();
  await wizard.manifestUri.fill(demo.manifestUri);
  await expect(wizard.manifestEtag).not.toHaveValue('');
  await expectAccessible(page, 'wizard step 1, a manifest named');
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
  await wizard.nextButton.click();
  await wizard.stepHeading('Review').waitFor();
  await page.getByRole('button', { name: 'Show AWS CLI command' }).click();
  await expectAccessible(page, 'wizard step 4, review with the code shown');

  await wizard.createButton.click();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expectAccessible(page, 'a job awaiting confirmation');
  await jobPage.runJobButton.click();
  await expect(jobPage.dialog).toBeVisible();
  await expectAccessible(page, 'the Run job dialog');
  await jobPage.dialog.getByRole('button', { name: 'Run job' }).click();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expectAccessible(page, 'a complete job with its report');

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
  await page.goto('/no-such-page');
  await expectAccessible(page, 'a page that does not exist');
});
