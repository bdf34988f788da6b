import { demo, expect, test } from '../fixtures';
import { createVersionedBucket } from '../support/local-aws';

const SOURCE = 'e2e-repl-source';
const DEST = 'e2e-repl-destination';
const ROLE = 'arn:aws:iam::000000000000:role/batchops-demo';

// The rule names the demo role; the Batch Replication job runs as a role made from the console's
// template for it (the demo role reaches the demo buckets only, and nothing here widens it).

test('a replication rule on a bucket with objects, "Replicate existing objects?" yes, the job runs, replicas arrive', async ({
  page,
  replicationPages,
}) => {
  test.setTimeout(180_000);
  const { bucketsPage, bucketPage, ruleForm, batchJobForm, jobPage, jobsPage } = replicationPages;
  await createVersionedBucket(SOURCE, { 'top.txt': 'top', 'data/one.txt': 'one', 'data/two.txt': 'two' });

  // The destination, made in the console without versioning: the rule form offers to turn it on.
  await bucketsPage.goto();
  await expect(bucketsPage.heading).toBeVisible();
  await bucketsPage.createBucket(DEST, 'Disable');
  await expect(bucketsPage.table.getByRole('link', { name: DEST })).toBeVisible();

  // The source's objects, and one more uploaded through the console.
  await bucketsPage.open(SOURCE);
  await expect(page.getByRole('heading', { level: 1, name: SOURCE })).toBeVisible();
  await expect(bucketPage.objectRow('top.txt')).toBeVisible();
  await expect(bucketPage.objectRow('data/')).toBeVisible();
  await bucketPage.upload([
    { name: 'uploaded.txt', mimeType: 'text/plain', buffer: Buffer.from('uploaded') },
  ]);
  await expect(page.getByText(`Uploaded 1 file to s3://${SOURCE}/`)).toBeVisible();
  await expect(bucketPage.objectRow('uploaded.txt')).toBeVisible();
  // Nothing is replicated yet: no status.
  await expect(bucketPage.objectRow('top.txt').getByRole('cell').last()).toHaveText('-');

  // Management → Create replication rule.
  await bucketPage.managementTab.click();
  await expect(bucketPage.rulesTable.getByText('No replication rules')).toBeVisible();
  await bucketPage.rulesAction('Create replication rule').first().click();
  await ruleForm.ruleName.fill('to-destination');
  await ruleForm.scope('Apply to all objects in the bucket').check();
  await expect(ruleForm.prefix).toBeHidden();
  await ruleForm.chooseDestination(DEST);
  await expect(
    page.getByText(`The destination bucket ${DEST} does not have versioning enabled`),
  ).toBeVisible();
  await ruleForm.enableVersioning.click();
  await expect(
    page.getByText(`The destination bucket ${DEST} does not have versioning enabled`),
  ).toBeHidden();
  await ruleForm.role.fill(ROLE);
  await ruleForm.saveButton.click();

  // The first rule of a new configuration: the dialog.
  await expect(ruleForm.dialog).toBeVisible();
  await ruleForm.answer(true);

  // Job settings: "runs automatically" cannot save the manifest.
  await expect(batchJobForm.heading).toBeVisible();
  await expect(batchJobForm.runsAutomatically).toBeChecked();
  await expect(batchJobForm.saveManifest).toBeDisabled();
  await batchJobForm.waitsToBeRun.check();
  await expect(batchJobForm.saveManifest).toBeEnabled();
  await batchJobForm.runsAutomatically.check();
  await expect(batchJobForm.saveManifest).toBeDisabled();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  await batchJobForm.createRoleFromTemplate('e2e-batch-replication-job');
  await batchJobForm.createButton.click();

  // The job's page: it runs by itself and replicates the four objects.
  await expect(jobPage.heading).toBeVisible();
  const jobId = jobPage.jobId();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 60_000 });
  await expect(jobPage.value('Operation')).toContainText('Replicate');

  // The job list shows it like any other job.
  await jobsPage.goto();
  await expect(jobsPage.row(jobId)).toContainText('Replicate');

  // The destination's browser: the replicas, status REPLICA.
  await bucketPage.goto(DEST);
  for (const name of ['top.txt', 'uploaded.txt'])
    await expect(bucketPage.objectRow(name).getByRole('cell').last()).toHaveText('REPLICA', {
      timeout: 30_000,
    });
  await bucketPage.openFolder('data/');
  for (const name of ['one.txt', 'two.txt'])
    await expect(bucketPage.objectRow(name).getByRole('cell').last()).toHaveText('REPLICA', {
      timeout: 30_000,
    });

  // The source's objects: COMPLETED.
  await bucketPage.goto(SOURCE);
  for (const name of ['top.txt', 'uploaded.txt'])
    await expect(bucketPage.objectRow(name).getByRole('cell').last()).toHaveText('COMPLETED', {
      timeout: 30_000,
    });

  // The rule's page lists it; Create Batch Replication job is offered for it.
  await bucketPage.goto(SOURCE, 'management');
  await expect(bucketPage.ruleRow('to-destination')).toContainText(`s3://${DEST}`);
  await expect(bucketPage.rulesAction('Create Batch Replication job')).toBeEnabled();
});
