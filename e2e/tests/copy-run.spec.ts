import { GetObjectCommand } from '@aws-sdk/client-s3';
import { demo, expect, test } from '../fixtures';
import { listKeys, localS3 } from '../support/local-aws';

// Issue 20 §3: Copy started from the console, on the seeded demo as the prefilled demo role, with the
// wizard's own defaults (a failed-tasks-only report, wait to run): no fixture widens the role.
test('a Copy job from the wizard, as the demo role with the defaults, puts every manifest object in the destination', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(180_000);
  const prefix = `copies-${Date.now().toString(36)}/`;
  await wizard.goto();
  await wizard.chooseCsvManifest(demo.manifestUri);
  await page.getByRole('radio', { name: 'Copy', exact: true }).check();
  await page
    .getByRole('searchbox', { name: 'Destination S3 URI' })
    .fill(`s3://${demo.reportsBucket}/${prefix}`);
  await wizard.nextButton.click();

  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  await expect(wizard.roleSelect).toContainText('batchops-demo');
  await expect(page.getByRole('radio', { name: 'Failed tasks only' })).toBeChecked();
  await wizard.reportDestination.fill(`s3://${demo.reportsBucket}/reports/`);
  await wizard.nextButton.click();
  await expect(wizard.stepHeading('Review')).toBeVisible();
  await expect(page.getByText(`s3://${demo.reportsBucket}/${prefix}`, { exact: true })).toBeVisible();
  await expect(wizard.check('Role permissions')).toContainText('passed', { timeout: 20_000 });
  await wizard.createButton.click();

  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 120_000 });
  await expect(jobPage.value('Succeeded')).toHaveText(String(demo.objects));
  await expect(jobPage.value('Failed')).toHaveText('0');

  // Over the wire, as a user checks with the CLI: one copy per manifest row, under the prefix.
  const s3 = localS3();
  try {
    const manifest = await s3.send(
      new GetObjectCommand({ Bucket: demo.sourceBucket, Key: 'manifests/demo-manifest.csv' }),
    );
    const rows = (await manifest.Body?.transformToString())?.trim().split('\n') ?? [];
    const expected = rows.map((r) => `${prefix}${decodeURIComponent(r.split(',')[1] ?? '')}`).sort();
    expect(expected).toHaveLength(demo.objects);
    expect(await listKeys(demo.reportsBucket, prefix)).toEqual(expected);
  } finally {
    s3.destroy();
  }
});
