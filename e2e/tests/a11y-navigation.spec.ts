import { expect, test } from '../fixtures';

test('each page has its own title, a skip link leads past the navigation, and focus moves to the new page heading', async ({
  page,
  jobsPage,
}) => {
  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await expect(page).toHaveTitle('Batch Operations | batchops');

  // The keyboard's first stop skips the navigation and lands on the page's heading.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(jobsPage.heading).toBeFocused();

  // In-app navigation: the title follows, and focus moves to the new heading.
  await page.getByRole('link', { name: 'Buckets' }).first().click();
  const buckets = page.getByRole('heading', { level: 1, name: 'Buckets' });
  await expect(buckets).toBeFocused();
  await expect(page).toHaveTitle('Buckets | batchops');
  await page.getByRole('link', { name: 'Create bucket' }).first().click();
  await expect(page).toHaveTitle('Create bucket | batchops');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
