import { execFile } from 'node:child_process';
import { demo, expect, test } from '../fixtures';

/** Run a pasted command line in a shell with the local keys, as a user's terminal would. */
function paste(line: string): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  // Debian's aws-cli v2 (a plain `aws` on PATH may be another).
  const command = line.replace(/ aws /, ` ${process.env.BATCHOPS_AWS_CLI ?? '/usr/bin/aws'} `);
  return new Promise((ok) => {
    execFile('/bin/sh', ['-c', command], { env, timeout: 60_000 }, (err, stdout, stderr) =>
      ok({ code: err ? 1 : 0, out: `${stdout}${stderr}` }),
    );
  });
}

test('the Review step shows the job as a CLI command that runs when pasted, and as boto3 and SDK v3 code', async ({
  page,
  wizard,
  jobPage,
}) => {
  test.setTimeout(120_000);
  await wizard.goto();
  await wizard.fillTaggingJob({
    manifestUri: demo.manifestUri,
    objectTag: { key: 'pasted', value: 'from-the-console' },
    description: 'made by the pasted command',
    reportUri: `s3://${demo.reportsBucket}/reports/`,
  });
  await page.getByRole('button', { name: 'Show AWS CLI command and SDK code' }).click();
  await expect(page.getByText('Before you run it')).toBeVisible();
  await expect(page.getByText(/NO_PROXY/)).toBeVisible();
  const cli = page.getByLabel('AWS CLI command', { exact: true });
  await expect(cli).toContainText('HTTP_PROXY=http://127.0.0.1:');
  await expect(cli).toContainText('aws s3control create-job');

  // The same job in the SDKs, a tab each.
  await page.getByRole('tab', { name: 'Python (boto3)' }).click();
  await expect(page.getByLabel('boto3 code', { exact: true })).toContainText(
    's3control.create_job(**request)',
  );
  await page.getByRole('tab', { name: 'JavaScript (SDK v3)' }).click();
  await expect(page.getByLabel('AWS SDK for JavaScript v3 code', { exact: true })).toContainText(
    'new CreateJobCommand(',
  );
  await page.getByRole('tab', { name: 'AWS CLI' }).click();

  // Pasted into a shell, the command makes the job; the console shows it.
  const { code, out } = await paste((await cli.textContent()) ?? '');
  expect(code, out).toBe(0);
  const jobId = /"JobId": "([^"]+)"/.exec(out)?.[1];
  expect(jobId, out).toBeTruthy();
  await jobPage.goto(jobId ?? '');
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await expect(page.getByText('made by the pasted command').first()).toBeVisible();
});
