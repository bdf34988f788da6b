import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { lambdaClientFor, putReplicationRule, zipOf } from '@batchops/test-support';
import { demo, expect, test } from '../fixtures';
import { jobCountsByStatus, localAwsEndpoint, localS3 } from '../support/local-aws';

// Issue 10's Lambda and issue 9's Replicate, made in the wizard and run. Needs h-lambda (the Lambda
// API and LambdaInvoke on local-aws) and h-repl (S3ReplicateObject, replication configuration).

const role = 'arn:aws:iam::000000000000:role/batchops-demo';
const reports = `s3://${demo.reportsBucket}/e2e-lambda/`;

// The jobs run as roles made from the console's template for them; the function and the
// replication configuration name the demo role, which nothing here widens.

test('invoke a Lambda function chosen from the list with user arguments, read its results, clone the job', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(240_000);
  const s3 = localS3();
  const lambda = lambdaClientFor(localAwsEndpoint);
  // The function echoes each task's key and the job's user argument as its resultString.
  const code = `exports.handler = async (event) => ({
    invocationSchemaVersion: event.invocationSchemaVersion,
    treatMissingKeysAs: 'PermanentFailure',
    invocationId: event.invocationId,
    results: event.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded',
      resultString: 'echo ' + t.s3Key + ' mode=' + event.job.userArguments.mode })),
  });`;
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'e2e-echo',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: role,
      Code: { ZipFile: zipOf([{ name: 'index.js', data: code, deflate: true }]) },
    }),
  );
  lambda.destroy();
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-lambda' }));
  const keys = ['in/x.txt', 'in/y.txt'];
  for (const k of keys) await s3.send(new PutObjectCommand({ Bucket: 'e2e-lambda', Key: k, Body: k }));
  await s3.send(
    new PutObjectCommand({
      Bucket: 'e2e-lambda',
      Key: 'manifests/lambda.csv',
      Body: keys.map((k) => `e2e-lambda,${k}\n`).join(''),
    }),
  );
  s3.destroy();

  await wizard.goto();
  await wizard.chooseCsvManifest('s3://e2e-lambda/manifests/lambda.csv');
  await page.getByRole('radio', { name: 'Invoke AWS Lambda function', exact: true }).check();
  await page.getByRole('button', { name: 'Lambda function' }).click();
  await page.getByRole('option', { name: /e2e-echo/ }).click();
  // User arguments need schema 2.0.
  await page.getByRole('radio', { name: 'Version 2.0' }).check();
  await page.getByRole('button', { name: 'Add user argument' }).click();
  await page.getByRole('textbox', { name: 'User argument key 1' }).fill('mode');
  await wizard.nextButton.click();
  await expect(page.getByText('a value is required', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'User argument value 1' }).fill('fast');
  await wizard.fillOptionsAndReview({
    description: 'e2e lambda',
    reportUri: reports,
    templateRole: 'e2e-lambda-job',
  });
  const cli = await wizard.cliCommand();
  await expect(cli).toContainText(
    `'{"LambdaInvoke":{"FunctionArn":"${fn.FunctionArn}","InvocationSchemaVersion":"2.0","UserArguments":{"mode":"fast"}}}'`,
  );
  await wizard.createButton.click();
  await expect(jobPage.heading).toBeVisible({ timeout: 60_000 });
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expect(jobPage.value('Lambda function')).toHaveText(fn.FunctionArn ?? '');
  await expect(jobPage.value('User arguments')).toHaveText('mode=fast');
  for (const k of keys)
    await expect(jobPage.reportTable.getByRole('row').filter({ hasText: k })).toContainText(
      `echo ${k} mode=fast`,
    );

  // Clone: the same function, schema and arguments in the form.
  await jobPage.cloneJobButton.click();
  await wizard.stepHeading('Choose Region and manifest').waitFor();
  await wizard.nextButton.click();
  await expect(page.getByRole('textbox', { name: 'Function ARN' })).toHaveValue(fn.FunctionArn ?? '');
  await expect(page.getByRole('radio', { name: 'Version 2.0' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'User argument value 1' })).toHaveValue('fast');
});

test('replicate existing objects with a manifest made from the replication configuration', async ({
  page,
  wizard,
  jobPage,
  jobsPage,
}) => {
  test.setTimeout(240_000);
  const s3 = localS3();
  for (const b of ['e2e-repl-src', 'e2e-repl-dst']) {
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  const keys = ['old/1.txt', 'old/2.txt', 'old/3.txt'];
  // Written before the configuration: live replication never saw them.
  for (const k of keys) await s3.send(new PutObjectCommand({ Bucket: 'e2e-repl-src', Key: k, Body: k }));
  await putReplicationRule(s3, 'e2e-repl-src', 'e2e-repl-dst', role, 'old/');

  await wizard.goto();
  await page.getByRole('radio', { name: 'Create manifest using S3 Replication configuration' }).check();
  await page.getByRole('searchbox', { name: 'Source bucket S3 URI' }).fill('s3://e2e-repl-src');
  await page.getByRole('button', { name: 'Replication status' }).click();
  await page.getByRole('option', { name: /No replication attempted/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Save Batch Operations manifest' }).check();
  await page
    .getByRole('searchbox', { name: 'Manifest destination S3 URI' })
    .fill(`s3://${demo.reportsBucket}/generated/`);
  await wizard.nextButton.click();
  await wizard.stepHeading('Choose operation').waitFor();
  // Only Replicate applies to a generated manifest.
  await expect(page.getByRole('radio', { name: 'Replicate', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Copy', exact: true })).toBeDisabled();
  await wizard.fillOptionsAndReview({
    description: 'e2e replicate',
    reportUri: `s3://${demo.reportsBucket}/e2e-repl/`,
    templateRole: 'e2e-replicate-job',
  });
  await expect(page.getByText('s3://e2e-repl-src', { exact: true })).toBeVisible();
  const cli = await wizard.cliCommand();
  await expect(cli).toContainText(`--operation '{"S3ReplicateObject":{}}'`);
  await expect(cli).toContainText('--manifest-generator');
  await expect(cli).toContainText('"ObjectReplicationStatuses":["NONE"]');
  await wizard.createButton.click();
  await expect(jobPage.heading).toBeVisible({ timeout: 60_000 });
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expect(jobPage.value('Source bucket')).toHaveText('s3://e2e-repl-src');
  await expect(jobPage.value('Succeeded')).toHaveText('3');

  const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'e2e-repl-dst' }));
  expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(keys);
  for (const k of keys) {
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'e2e-repl-dst', Key: k }));
    expect(head.ReplicationStatus).toBe('REPLICA');
  }
  s3.destroy();

  // The jobs page's overview counts every job of the account, this one with the complete ones.
  await jobsPage.goto();
  await expect(async () => {
    const counts = await jobCountsByStatus();
    const total = Object.values(counts).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(counts.Complete).toBeGreaterThanOrEqual(1);
    await expect(jobPage.value('All jobs')).toHaveText(total.toLocaleString('en-US'), { timeout: 2_000 });
    await expect(jobPage.value('Complete')).toHaveText(String(counts.Complete), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});
