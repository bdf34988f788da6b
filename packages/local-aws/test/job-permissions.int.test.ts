import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectTaggingCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  DescribeJobCommand,
  type S3ControlClient,
  UpdateJobPriorityCommand,
} from '@aws-sdk/client-s3-control';
import {
  BATCH_OPERATIONS_TRUST,
  createRoleWithPolicy,
  createUserWithKey,
  csvJobInput,
  type PolicyStatement,
  policyDocument,
  reportLines,
  runJobToEnd,
  s3ControlClientFor,
  type TestCredentials,
} from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { awsJson } from './support/aws-cli-model.js';
import { ACCOUNT_ID, errorOf, TEST_ROLE_ARN, useFixture } from './support/local-aws-fixture.js';

// Permissions that mean something (issue 11): jobs run as their role, whose policies decide each
// task, the manifest read and the report write; job tags gate who may create or change a job.
// The first role is made with the AWS CLI (`aws iam create-role` / `put-role-policy`), as a user
// would; the others with the SDK (a CLI start costs seconds on a loaded machine).

let taggerArn = '';

/** The AWS CLI against local-aws, signed with `keys` (test/test by default). */
const aws = (args: string[], keys?: TestCredentials) => awsJson(f, args, keys);

const createRole = (name: string, policy: { Statement: PolicyStatement[] }, trust?: string) =>
  createRoleWithPolicy(f.iam, name, policy.Statement, trust);

const manifest = { etag: '' };

/** A role that trusts Batch Operations and allows `actions` on every resource. */
const roleAllowing = (name: string, actions: string[]) =>
  createRoleWithPolicy(f.iam, name, [{ Effect: 'Allow', Action: actions, Resource: '*' }]);

function jobInput(RoleArn: string, extra: Partial<CreateJobCommandInput> = {}): CreateJobCommandInput {
  return {
    ...csvJobInput({
      operation: { S3PutObjectTagging: { TagSet: [{ Key: 'checked', Value: 'yes' }] } },
      manifest: { ObjectArn: 'arn:aws:s3:::perm-src/manifest.csv', ETag: manifest.etag },
      reportBucket: 'perm-reports',
      reportPrefix: 'r',
      roleArn: RoleArn,
    }),
    ...extra,
  };
}

const runJob = (ctl: S3ControlClient, input: CreateJobCommandInput) => runJobToEnd(ctl, input);

const reportRows = async (jobId: string) => (await reportLines(f.s3, 'perm-reports', 'r', jobId)).sort();

/** What a tagging job's role needs, with PutObjectTagging only on `allowed/`. */
const TAGGING_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: 'arn:aws:s3:::perm-src/manifest.csv',
    },
    { Effect: 'Allow', Action: 's3:PutObjectTagging', Resource: 'arn:aws:s3:::perm-src/allowed/*' },
    {
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetBucketLocation'],
      Resource: ['arn:aws:s3:::perm-reports', 'arn:aws:s3:::perm-reports/*'],
    },
  ],
};

const f = useFixture(
  { engine: { concurrency: 8, flushMs: 50 } },
  async () => {
    await f.s3.send(new CreateBucketCommand({ Bucket: 'perm-src' }));
    await f.s3.send(new CreateBucketCommand({ Bucket: 'perm-reports' }));
    for (const Key of ['allowed/a', 'allowed/b', 'denied/c'])
      await f.s3.send(new PutObjectCommand({ Bucket: 'perm-src', Key, Body: Key }));
    const put = await f.s3.send(
      new PutObjectCommand({
        Bucket: 'perm-src',
        Key: 'manifest.csv',
        Body: 'perm-src,allowed/a\nperm-src,allowed/b\nperm-src,denied/c\n',
      }),
    );
    manifest.etag = (put.ETag ?? '').replaceAll('"', '');
    const created = (await aws([
      'iam',
      'create-role',
      '--role-name',
      'tagger',
      '--assume-role-policy-document',
      BATCH_OPERATIONS_TRUST,
    ])) as {
      Role: { Arn: string; AssumeRolePolicyDocument: unknown };
    };
    taggerArn = created.Role.Arn;
    // The CLI decodes the URL-encoded document IAM returns.
    expect(created.Role.AssumeRolePolicyDocument).toEqual(JSON.parse(BATCH_OPERATIONS_TRUST));
    await aws([
      'iam',
      'put-role-policy',
      '--role-name',
      'tagger',
      '--policy-name',
      'tagger-policy',
      '--policy-document',
      JSON.stringify(TAGGING_POLICY),
    ]);
  },
  180_000,
);

describe('jobs run as their role', () => {
  it('fails the tasks its policy does not allow with AccessDenied (403) in the report', async () => {
    expect(taggerArn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/tagger`);
    const job = await runJob(f.s3control, jobInput(taggerArn));
    expect(job.Status).toBe('Complete');
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 2, NumberOfTasksFailed: 1 });
    const rows = await reportRows(job.JobId);
    expect(rows[0]).toMatch(/^perm-src,allowed\/a,,succeeded,200,,/);
    expect(rows[2]).toMatch(/^perm-src,denied\/c,,failed,403,AccessDenied,/);
    // CSV doubles the quotes AWS puts around the resource.
    expect(rows[2]).toContain(
      `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/tagger/s3-batch-operations is not authorized to perform: s3:PutObjectTagging on resource: ""arn:aws:s3:::perm-src/denied/c"" because no identity-based policy allows the s3:PutObjectTagging action`,
    );
    const tags = await f.s3.send(new GetObjectTaggingCommand({ Bucket: 'perm-src', Key: 'denied/c' }));
    expect(tags.TagSet).toEqual([]);
  });

  it('a policy changed with put-role-policy applies to the next job', async () => {
    const wide = { ...TAGGING_POLICY, Statement: [...TAGGING_POLICY.Statement] };
    wide.Statement[1] = {
      Effect: 'Allow',
      Action: 's3:PutObjectTagging',
      Resource: 'arn:aws:s3:::perm-src/*',
    };
    await f.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'tagger',
        PolicyName: 'tagger-policy',
        PolicyDocument: JSON.stringify(wide),
      }),
    );
    const job = await runJob(f.s3control, jobInput(`arn:aws:iam::${ACCOUNT_ID}:role/tagger`));
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 3, NumberOfTasksFailed: 0 });
  });

  it.each([
    [
      'read the manifest',
      ['s3:PutObjectTagging', 's3:PutObject', 's3:GetBucketLocation'],
      'AccessDenied',
      'Reading the manifest s3://perm-src/manifest.csv failed',
    ],
    [
      'write the report',
      ['s3:GetObject', 's3:PutObjectTagging', 's3:GetBucketLocation'],
      'ReportWriteFailed',
      '',
    ],
  ])('fails the job when the role cannot %s', async (what, actions, code, reason) => {
    const role = await roleAllowing(`cannot-${what.replaceAll(' ', '-')}`, actions);
    const job = await runJob(f.s3control, jobInput(role));
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons?.find((r) => r.FailureCode === code)?.FailureReason).toContain(reason);
  });

  it('fails the job when the role does not exist or does not trust Batch Operations', async () => {
    const missing = await runJob(f.s3control, jobInput(`arn:aws:iam::${ACCOUNT_ID}:role/nobody`));
    expect(missing.Status).toBe('Failed');
    expect(missing.FailureReasons?.[0]).toMatchObject({ FailureCode: 'AccessDenied' });
    expect(missing.FailureReasons?.[0]?.FailureReason).toContain('does not exist');
    const lambdaOnly = policyDocument({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const role = await createRole('untrusting', TAGGING_POLICY, lambdaOnly);
    const untrusted = await runJob(f.s3control, jobInput(role));
    expect(untrusted.Status).toBe('Failed');
    expect(untrusted.FailureReasons?.[0]?.FailureReason).toContain('trust policy');
    expect(untrusted.ProgressSummary?.TotalNumberOfTasks ?? 0).toBe(0);
  });
});

describe('job tags gate who may create or change a job', () => {
  it('a user allowed s3:CreateJob only with Department=Finance', { timeout: 120_000 }, async () => {
    const finance = await createUserWithKey(f.iam, 'finance', [
      {
        Effect: 'Allow',
        Action: 's3:CreateJob',
        Resource: '*',
        Condition: { StringEquals: { 's3:RequestJobTag/Department': 'Finance' } },
      },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: TEST_ROLE_ARN },
      { Effect: 'Allow', Action: 's3:DescribeJob', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 's3:UpdateJobPriority',
        Resource: '*',
        Condition: { StringEquals: { 's3:ExistingJobTag/Department': 'Legal' } },
      },
    ]);
    const me = await aws(['sts', 'get-caller-identity'], finance.credentials);
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/finance`);

    const ctl = s3ControlClientFor(f.aws.url, finance.credentials);
    try {
      const tagged = await ctl.send(
        new CreateJobCommand(jobInput(TEST_ROLE_ARN, { Tags: [{ Key: 'Department', Value: 'Finance' }] })),
      );
      expect(tagged.JobId).toBeTruthy();

      const untagged = await errorOf(ctl.send(new CreateJobCommand(jobInput(TEST_ROLE_ARN))));
      expect(untagged.name).toBe('AccessDenied');
      expect(untagged.$metadata.httpStatusCode).toBe(403);
      expect(untagged.message).toBe(
        `User: arn:aws:iam::${ACCOUNT_ID}:user/finance is not authorized to perform: s3:CreateJob on resource: * because no identity-based policy allows the s3:CreateJob action`,
      );
      const sales = await errorOf(
        ctl.send(
          new CreateJobCommand(jobInput(TEST_ROLE_ARN, { Tags: [{ Key: 'Department', Value: 'Sales' }] })),
        ),
      );
      expect(sales.name).toBe('AccessDenied');

      // Passing a role the user may not pass is refused even with the right tag.
      const otherRole = await errorOf(
        ctl.send(
          new CreateJobCommand(
            jobInput(`arn:aws:iam::${ACCOUNT_ID}:role/tagger`, {
              Tags: [{ Key: 'Department', Value: 'Finance' }],
            }),
          ),
        ),
      );
      expect(otherRole.message).toContain('iam:PassRole');

      // UpdateJobPriority is allowed on Legal jobs only: the Finance job's priority stays.
      const priority = await errorOf(
        ctl.send(new UpdateJobPriorityCommand({ AccountId: ACCOUNT_ID, JobId: tagged.JobId, Priority: 99 })),
      );
      expect(priority.name).toBe('AccessDenied');
      expect(priority.message).toContain(
        `s3:UpdateJobPriority on resource: arn:aws:s3:us-east-1:${ACCOUNT_ID}:job/${tagged.JobId}`,
      );
      const job = (await ctl.send(new DescribeJobCommand({ AccountId: ACCOUNT_ID, JobId: tagged.JobId })))
        .Job;
      expect(job?.Priority).toBe(10);
    } finally {
      ctl.destroy();
    }
  });

  it('a user whose policy allows no job action can do nothing to jobs', async () => {
    const nobody = await createUserWithKey(f.iam, 'nobody', [
      { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
    ]);
    const ctl = s3ControlClientFor(f.aws.url, nobody.credentials);
    try {
      const e = await errorOf(
        ctl.send(
          new DescribeJobCommand({ AccountId: ACCOUNT_ID, JobId: '00000000-0000-0000-0000-000000000000' }),
        ),
      );
      expect(e.name).toBe('AccessDenied');
    } finally {
      ctl.destroy();
    }
  });
});
