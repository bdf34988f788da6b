import { expectAccessible } from '../a11y';
import { expect, test } from '../fixtures';

test('the first visit, an empty job list, passes axe', async ({ page, jobsPage }) => {
  await jobsPage.goto();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expectAccessible(page, 'the empty job list');
});
