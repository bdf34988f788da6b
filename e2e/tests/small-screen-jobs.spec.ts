import { expect, test } from '../fixtures';
import { createTaggingJob } from '../support/local-aws';

test('on a small screen the job list shows Status and Progress next to the job ID', async ({
  page,
  request,
  jobsPage,
}) => {
  await createTaggingJob(request, { description: 'seen on a phone' });
  await page.setViewportSize({ width: 600, height: 900 });
  await jobsPage.goto();
  const headers = jobsPage.table.getByRole('columnheader');
  // The column names in order, past the selection column.
  const columnNames = async () =>
    (await headers.allInnerTexts()).map((t) => t.trim()).filter((t) => t && !t.includes('selection'));
  await expect(headers.filter({ hasText: 'Job ID' })).toBeVisible();
  expect((await columnNames()).slice(0, 3)).toEqual(['Job ID', 'Status', 'Progress']);

  // Wide again: the console's own order.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect
    .poll(async () => (await columnNames()).slice(0, 3))
    .toEqual(['Job ID', 'Description', 'Status']);
});
