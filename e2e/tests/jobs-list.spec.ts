import { ListJobsResponse } from '@batchops/contracts';
import { expect, test } from '../fixtures';

test('a new user opens the console and sees the empty Batch Operations job list', async ({
  page,
  jobsPage,
}) => {
  const jobsCall = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs');
  await jobsPage.goto();

  // The root redirects to the Batch Operations page, inside the console shell.
  await expect(page).toHaveURL(/\/batch-operations$/);
  await expect(jobsPage.heading).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('Batch Operations');
  await expect(page.getByRole('link', { name: 'Buckets' })).toBeVisible();

  // The list came from the BFF, which asked local-aws over S3 Control.
  const res = await jobsCall;
  expect(res.status()).toBe(200);
  expect(ListJobsResponse.parse(await res.json())).toMatchObject({ jobs: [], total: 0 });

  await expect(jobsPage.emptyState).toBeVisible();
  await expect(jobsPage.table).toContainText("You don't have any Batch Operations jobs in this Region.");
  await expect(jobsPage.createJobButtons.first()).toBeVisible();
  // The table header's counter sits in the page heading.
  await expect(jobsPage.heading).toContainText('(0)');
});

test('the side navigation leads to Buckets, which lists the seeded demo buckets, and back', async ({
  page,
  jobsPage,
}) => {
  await jobsPage.goto();
  await page.getByRole('link', { name: 'Buckets' }).click();
  await expect(page).toHaveURL(/\/buckets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const buckets = page.getByRole('table');
  await expect(buckets.getByRole('rowheader', { name: 'batchops-demo-source' })).toBeVisible();
  await expect(buckets.getByRole('rowheader', { name: 'batchops-demo-reports' })).toBeVisible();
  await page.getByRole('link', { name: 'Batch Operations' }).first().click();
  await expect(jobsPage.heading).toBeVisible();
});
