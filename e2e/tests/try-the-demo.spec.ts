import { GetObjectTaggingCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { demo, expect, test } from '../fixtures';
import { localS3 } from '../support/local-aws';

test('a new user tries the demo from the empty job list: the wizard opens prefilled on Review, Create, Run job tags every object', async ({
  page,
  jobsPage,
  wizard,
  jobPage,
}) => {
  test.setTimeout(150_000);
  await jobsPage.goto();
  await expect(jobsPage.emptyState).toBeVisible();

  // The wizard opens on Review, prefilled with the seeded manifest, role, tag and report bucket.
  await jobsPage.table.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page).toHaveURL(/\/batch-operations\/create\?demo=1/);
  await expect(wizard.stepHeading('Review')).toBeVisible();
  await expect(page.getByText(demo.manifestUri).first()).toBeVisible();
  await expect(page.getByText('arn:aws:iam::000000000000:role/batchops-demo', { exact: true })).toBeVisible();
  await expect(page.getByText('batchops-demo=tagged', { exact: true })).toBeVisible();
  await expect(page.getByText('Demo: tag every object of the demo manifest').first()).toBeVisible();

  await wizard.createButton.click();
  await expect(page).toHaveURL(/\/batch-operations\/jobs\//);
  await expect(jobPage.heading).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expect(jobPage.value('Total objects')).toHaveText(String(demo.objects), { timeout: 30_000 });

  await jobPage.runJob();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 120_000 });
  await expect(jobPage.value('Succeeded')).toHaveText(String(demo.objects));
  await expect(jobPage.value('Failed')).toHaveText('0');

  // The objects themselves carry the demo's tag.
  const s3 = localS3();
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: demo.sourceBucket, Prefix: 'images/' }));
  const key = listed.Contents?.[0]?.Key;
  expect(key).toBeTruthy();
  const tagging = await s3.send(new GetObjectTaggingCommand({ Bucket: demo.sourceBucket, Key: key }));
  expect(tagging.TagSet).toEqual([{ Key: 'batchops-demo', Value: 'tagged' }]);

  // Back on the list the job is there; the empty state and its button are gone.
  await page.getByRole('link', { name: 'Batch Operations' }).first().click();
  await expect(jobsPage.heading).toContainText('(1)');
  await expect(jobsPage.table.getByRole('button', { name: 'Try the demo' })).toHaveCount(0);
});
