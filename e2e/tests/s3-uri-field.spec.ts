import { demo, expect, test } from '../fixtures';

test('the manifest S3 URI field is full width, keeps a typed URI on Esc, and View opens the bucket browser there', async ({
  page,
  wizard,
}) => {
  await page.goto('/batch-operations/create');
  await wizard.stepHeading('Choose Region and manifest').waitFor();

  // As wide as the form: its Browse S3 button ends where the Region select ends, not at two thirds.
  const region = await page.getByRole('button', { name: /AWS Region/ }).boundingBox();
  const browse = await page.getByRole('button', { name: 'Browse S3' }).first().boundingBox();
  expect(region && browse && Math.abs(region.x + region.width - (browse.x + browse.width))).toBeLessThan(4);

  await wizard.manifestUri.fill(demo.manifestUri);
  await wizard.manifestUri.press('Escape');
  await expect(wizard.manifestUri).toHaveValue(demo.manifestUri);

  const view = page.getByRole('link', { name: 'View' }).first();
  await expect(view).toHaveAttribute('href', '/buckets/batchops-demo-source?prefix=manifests%2F');
  const [browser] = await Promise.all([page.context().waitForEvent('page'), view.click()]);
  // A new tab loads the whole console afresh: on a loaded machine that takes longer than a step.
  await expect(browser.getByRole('heading', { level: 1, name: demo.sourceBucket })).toBeVisible({
    timeout: 30_000,
  });
  await expect(browser.getByText('demo-manifest.csv')).toBeVisible({ timeout: 30_000 });
});
