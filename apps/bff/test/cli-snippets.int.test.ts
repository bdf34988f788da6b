import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliCommandResponse, JobDetails, type JobWizardInput } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// The Review step's command and snippets, run as a user would paste them: Debian's aws-cli v2,
// python3 with boto3, and Node with the SDK this package depends on.
const AWS_CLI = process.env.BATCHOPS_AWS_CLI ?? '/usr/bin/aws';
const KEYS = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

let c: ConsoleFixture;
beforeAll(async () => {
  c = await startConsoleFixture(true);
}, 60_000);
afterAll(() => c?.close());

function run(file: string, args: string[], cwd?: string): Promise<{ code: number; out: string }> {
  // What a user's shell has: PATH and the keys; no NO_PROXY, which would defeat HTTP_PROXY.
  const env = { PATH: process.env.PATH ?? '', HOME: c.dir, ...KEYS };
  return new Promise((ok) => {
    execFile(file, args, { env, cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      ok({ code: err ? 1 : 0, out: `${stdout}${stderr}` });
    });
  });
}

const model = (token: string): JobWizardInput => ({
  manifest: { format: 'csv', bucket: 'batchops-demo-source', key: 'manifests/demo-manifest.csv' },
  operation: { type: 'tagging', tags: [{ key: 'pasted', value: 'yes' }] },
  description: "Bob's pasted job",
  priority: 10,
  report: { enabled: true, bucket: 'batchops-demo-reports', prefix: 'reports', scope: 'AllTasks' },
  roleArn: 'arn:aws:iam::000000000000:role/batchops-demo',
  tags: [],
  runOption: 'wait',
  clientRequestToken: token,
});

async function snippets(token: string): Promise<CliCommandResponse> {
  const { status, body } = await c.json('POST', '/api/jobs/cli-command', model(token));
  expect(status, JSON.stringify(body)).toBe(200);
  return CliCommandResponse.parse(body);
}

/** The job the pasted code printed the ID of exists, as the wizard would have made it. */
async function expectJob(out: string): Promise<void> {
  const jobId = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(out)?.[0];
  expect(jobId, out).toBeTruthy();
  const job = JobDetails.parse((await c.json('GET', `/api/jobs/${jobId}`)).body);
  expect(job).toMatchObject({ description: "Bob's pasted job", priority: 10 });
}

describe("the Review step's code, pasted", () => {
  it('the AWS CLI command runs in a shell (HTTP_PROXY in front) and makes the job', async () => {
    const s = await snippets('cli-pasted');
    expect(s.env).toEqual({ HTTP_PROXY: c.app.localAws?.url });
    expect(s.notes.join(' ')).toContain('NO_PROXY');
    const { code, out } = await run('/bin/sh', ['-c', s.command.replace(/ aws /, ` ${AWS_CLI} `)]);
    expect(code, out).toBe(0);
    await expectJob(out);
  }, 90_000);

  it('the boto3 snippet runs in python3 and makes the job', async () => {
    const s = await snippets('boto3-pasted');
    const file = join(c.dir, 'create_job.py');
    writeFileSync(file, s.boto3);
    const { code, out } = await run('python3', [file]);
    expect(code, out).toBe(0);
    await expectJob(out);
  }, 90_000);

  it('the SDK for JavaScript v3 snippet runs in Node and makes the job', async () => {
    const s = await snippets('js-pasted');
    // Beside this package, so that the import finds its @aws-sdk/client-s3-control.
    const file = join(import.meta.dirname, `.pasted-${process.pid}.mjs`);
    writeFileSync(file, s.sdkJs);
    try {
      const { code, out } = await run(process.execPath, [file]);
      expect(code, out).toBe(0);
      await expectJob(out);
    } finally {
      rmSync(file, { force: true });
    }
  }, 90_000);

  it('says which CLI a checksum job needs, and how to give an older one the model', async () => {
    const { body } = await c.json('POST', '/api/jobs/cli-command', {
      ...model('checksum-note'),
      operation: { type: 'checksum', algorithm: 'CRC32', checksumType: 'FULL_OBJECT' },
    });
    const s = CliCommandResponse.parse(body);
    expect(s.notes.join(' ')).toMatch(/S3ComputeObjectChecksum needs an AWS CLI .* AWS_DATA_PATH/);
    expect((await snippets('tagging-note')).notes.join(' ')).not.toContain('AWS_DATA_PATH');
  });
});
