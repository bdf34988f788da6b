import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { JobDescriptor } from '@aws-sdk/client-s3-control';
import { csvJobInput, iamClientFor, runJobToEnd } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_READONLY_ROLE_ARN,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
} from '../src/index.js';
import { awsJson } from './support/aws-cli-model.js';
import { ACCOUNT_ID, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// The demo's two roles (decision 0022): batchops-demo runs the demo jobs, batchops-demo-readonly
// lacks s3:PutObjectTagging, so its tagging job shows AccessDenied tasks.

let f: LocalAwsFixture;
let iam: IAMClient;
let etag = '';

beforeAll(async () => {
  f = await startFixture({ seedDemo: true, engine: { concurrency: 8, flushMs: 50 } });
  iam = iamClientFor(f.aws.url);
  const put = await f.s3.send(
    new PutObjectCommand({
      Bucket: DEMO_SOURCE_BUCKET,
      Key: 'manifests/three.csv',
      Body: `${DEMO_SOURCE_BUCKET},images/2024/object-0000.jpg\n${DEMO_SOURCE_BUCKET},logs/app/object-0001.log\n${DEMO_SOURCE_BUCKET},reports/q1/object-0002.csv\n`,
    }),
  );
  etag = (put.ETag ?? '').replaceAll('"', '');
}, 120_000);
afterAll(async () => {
  iam.destroy();
  await f.close();
});

/** A tagging job over the three demo objects as `RoleArn`, run to its end. */
function tagAs(RoleArn: string): Promise<JobDescriptor> {
  return runJobToEnd(
    f.s3control,
    csvJobInput({
      operation: { S3PutObjectTagging: { TagSet: [{ Key: 'demo', Value: 'yes' }] } },
      manifest: { ObjectArn: `arn:aws:s3:::${DEMO_SOURCE_BUCKET}/manifests/three.csv`, ETag: etag },
      reportBucket: DEMO_REPORTS_BUCKET,
      reportPrefix: 'roles',
      roleArn: RoleArn,
      priority: 1,
    }),
  );
}

describe('demo roles', () => {
  it('batchops-demo tags the demo objects', async () => {
    const job = await tagAs(DEMO_ROLE_ARN(ACCOUNT_ID));
    expect(job.Status).toBe('Complete');
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 3, NumberOfTasksFailed: 0 });
  });

  it('batchops-demo-readonly reads the manifest and writes the report, but every tagging task is AccessDenied', async () => {
    const job = await tagAs(DEMO_READONLY_ROLE_ARN(ACCOUNT_ID));
    expect(job.Status).toBe('Complete');
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 0, NumberOfTasksFailed: 3 });
  });

  it('the simulator tells the two apart, as the console pre-flight asks', async () => {
    const decision = async (PolicySourceArn: string) =>
      (
        await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn,
            ActionNames: ['s3:PutObjectTagging', 's3:GetObject'],
            ResourceArns: [`arn:aws:s3:::${DEMO_SOURCE_BUCKET}/images/2024/object-0000.jpg`],
          }),
        )
      ).EvaluationResults?.map((r) => r.EvalDecision);
    expect(await decision(DEMO_ROLE_ARN(ACCOUNT_ID))).toEqual(['allowed', 'allowed']);
    expect(await decision(DEMO_READONLY_ROLE_ARN(ACCOUNT_ID))).toEqual(['implicitDeny', 'allowed']);
  });
});

/** The README's `aws iam` / `aws sts` lines, continuations joined, as words (its quotes are single). */
function readmeIamLines(): string[][] {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');
  const lines = readme.replace(/\\\n\s*/g, '').split('\n');
  return lines
    .filter((l) => /^aws (iam|sts) /.test(l))
    .map((l) => (l.replace(/#.*$/, '').match(/'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^'(.*)'$/, '$1')));
}

describe("the README's IAM and STS commands against the seeded demo", () => {
  it('run as written (endpoint aside) and answer what the README says', async () => {
    const commands = readmeIamLines();
    expect(commands.map((c) => c.slice(0, 3).join(' '))).toEqual([
      'aws iam get-role-policy',
      'aws iam simulate-principal-policy',
      'aws sts get-caller-identity',
    ]);
    // Every line names the default endpoint; the test's local-aws listens elsewhere.
    const run = (words: string[]) =>
      awsJson(
        f,
        words.slice(1).filter((w, i, all) => w !== '--endpoint-url' && all[i - 1] !== '--endpoint-url'),
      );
    const [policy, simulation, caller] = await Promise.all(commands.map(run));
    expect(JSON.stringify(policy?.PolicyDocument)).toContain('s3:GetObject');
    expect(JSON.stringify(policy?.PolicyDocument)).not.toContain('s3:PutObjectTagging');
    expect(simulation?.EvaluationResults).toMatchObject([
      { EvalActionName: 's3:PutObjectTagging', EvalDecision: 'implicitDeny' },
    ]);
    expect(caller?.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:root`);
  }, 120_000);
});
