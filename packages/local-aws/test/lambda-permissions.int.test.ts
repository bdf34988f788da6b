import { createHash } from 'node:crypto';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { JobDescriptor, JobOperation } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  createRoleWithPolicy,
  createUserWithKey,
  csvJobInput,
  lambdaClientFor,
  type PolicyStatement,
  putCsvManifest,
  putReplicationRule,
  putUserPolicy,
  reportLines,
  runJobToEnd,
  s3ClientFor,
  zipOf,
} from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, CREDENTIALS, errorOf, useFixture } from './support/local-aws-fixture.js';
import { signedRequest } from './support/signed-http.js';

// Lambda inside IAM (issue 17 §1): every Lambda call is authorized like S3's, LambdaInvoke jobs
// invoke as their role, a function's code holds its execution role's session (never the root key),
// and Batch Replication has no public route a function could learn to call.

const region = 'us-east-1';
const fnArn = (name: string) => `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
const trust = (Service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service }, Action: 'sts:AssumeRole' }],
  });
const allow = (Action: string[], Resource: string | string[] = '*'): PolicyStatement[] => [
  { Effect: 'Allow', Action, Resource },
];

const role = (name: string, service: string, statements: PolicyStatement[]) =>
  createRoleWithPolicy(f.iam, name, statements, trust(service));

/** A user with one inline policy, and a Lambda client signed with its new access key. */
async function userWith(name: string, statements: PolicyStatement[]) {
  const user = await createUserWithKey(f.iam, name, statements);
  return { arn: user.arn, lambda: lambdaClientFor(f.aws.url, user.credentials, { maxAttempts: 1 }) };
}

function createInput(name: string, code: string, Role = roleArn('batchops-test')) {
  return new CreateFunctionCommand({
    FunctionName: name,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role,
    Code: { ZipFile: zipOf([{ name: 'index.mjs', data: code }]) },
  });
}

async function invokeJson(name: string): Promise<Record<string, unknown>> {
  const out = await f.lambda.send(new InvokeCommand({ FunctionName: name }));
  return JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'));
}

/** AWS's words for an identity-based refusal, in Lambda's error shape. */
async function expectDenied(call: Promise<unknown>, who: string, action: string, resource: string) {
  const err = (await errorOf(call)) as Awaited<ReturnType<typeof errorOf>> & { Type?: string };
  expect(err.$metadata.httpStatusCode).toBe(403);
  expect(err.name).toBe('AccessDeniedException');
  expect(err.$response?.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  expect(err.Type).toBe('User');
  expect(err.message).toBe(
    `User: ${who} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
}

const f = useFixture({ engine: { concurrency: 4, flushMs: 50 }, lambda: { poolSize: 1 } }, async ({ s3 }) => {
  for (const Bucket of ['perm-src', 'perm-reports', 'fn-data'])
    await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket: 'fn-data', Key: 'readable.txt', Body: 'for the role' }));
});

describe('every Lambda action is authorized', () => {
  it('a user allowed only s3:GetObject may not create, invoke, read, list or delete functions', async () => {
    await f.lambda.send(createInput('victim', 'export const handler = async () => "ran";'));
    const narrow = await userWith('narrow', allow(['s3:GetObject']));
    const { arn, lambda } = narrow;
    const victim = fnArn('victim');
    const refused: Array<[() => Promise<unknown>, string, string]> = [
      [
        () => lambda.send(createInput('sneaky', 'export const handler = async () => 1;')),
        'CreateFunction',
        fnArn('sneaky'),
      ],
      [() => lambda.send(new InvokeCommand({ FunctionName: 'victim' })), 'InvokeFunction', victim],
      [() => lambda.send(new GetFunctionCommand({ FunctionName: 'victim' })), 'GetFunction', victim],
      [
        () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: victim })),
        'GetFunctionConfiguration',
        victim,
      ],
      [() => lambda.send(new ListFunctionsCommand({})), 'ListFunctions', '*'],
      [() => lambda.send(new DeleteFunctionCommand({ FunctionName: 'victim' })), 'DeleteFunction', victim],
    ];
    for (const [call, action, resource] of refused)
      await expectDenied(call(), arn, `lambda:${action}`, resource);
    // Nothing happened: the function is still there and the refused one was never made.
    expect(await invokeJson('victim')).toBe('ran');
    expect((await errorOf(f.lambda.send(new GetFunctionCommand({ FunctionName: 'sneaky' })))).name).toBe(
      'ResourceNotFoundException',
    );
    lambda.destroy();
  });

  it('CreateFunction also needs iam:PassRole on the function role', async () => {
    const fnRole = await role('passed-role', 'lambda.amazonaws.com', allow(['s3:ListBucket']));
    const dev = await userWith('dev', allow(['lambda:*']));
    const code = 'export const handler = async () => "made by dev";';
    const err = await errorOf(dev.lambda.send(createInput('devs', code, fnRole)));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(
      `User: ${dev.arn} is not authorized to perform: iam:PassRole on resource: ${fnRole} because no identity-based policy allows the iam:PassRole action`,
    );
    await putUserPolicy(f.iam, 'dev', 'pass', {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: fnRole,
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    });
    const created = await dev.lambda.send(createInput('devs', code, fnRole));
    expect(created.$metadata.httpStatusCode).toBe(201);
    const out = await dev.lambda.send(new InvokeCommand({ FunctionName: 'devs' }));
    expect(JSON.parse(Buffer.from(out.Payload ?? []).toString())).toBe('made by dev');
    dev.lambda.destroy();
  });
});

describe("a function's code holds its execution role's session", () => {
  const envCode = `export const handler = async () => Object.fromEntries(
    Object.entries(process.env).filter(([k]) => /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(k)));`;

  it('a session key (not the root key) that signs as the role and is held to its policy', async () => {
    const execRole = await role(
      'fn-exec',
      'lambda.amazonaws.com',
      allow(['s3:GetObject'], 'arn:aws:s3:::fn-data/*'),
    );
    await f.lambda.send(createInput('whoami', envCode, execRole));
    const env = (await invokeJson('whoami')) as Record<string, string>;
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(env.AWS_ACCESS_KEY_ID).not.toBe(CREDENTIALS.accessKeyId);
    expect(env.AWS_SESSION_TOKEN).toBeTruthy();
    const credentials = {
      accessKeyId: env.AWS_ACCESS_KEY_ID as string,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string,
      sessionToken: env.AWS_SESSION_TOKEN as string,
    };
    const sts = new STSClient({ region, endpoint: f.aws.url, credentials });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/fn-exec/whoami`);
    const s3 = s3ClientFor(f.aws.url, credentials, { maxAttempts: 1 });
    const read = await s3.send(new GetObjectCommand({ Bucket: 'fn-data', Key: 'readable.txt' }));
    expect(await read.Body?.transformToString()).toBe('for the role');
    const write = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'fn-data', Key: 'x', Body: 'x' })));
    expect(write.name).toBe('AccessDenied');
    // The key is half the credential: without its session token, or with another, it is refused.
    for (const [sessionToken, code] of [
      [undefined, 'InvalidClientTokenId'],
      ['forged', 'InvalidToken'],
    ] as const) {
      const half = new STSClient({
        region,
        endpoint: f.aws.url,
        maxAttempts: 1,
        credentials: { ...credentials, sessionToken },
      });
      expect((await errorOf(half.send(new GetCallerIdentityCommand({})))).name).toBe(code);
      half.destroy();
    }
    sts.destroy();
    s3.destroy();
  });

  it('no AWS credentials at all when the role is missing or does not trust Lambda', async () => {
    await f.lambda.send(createInput('orphan', envCode, roleArn('no-such-role')));
    expect(await invokeJson('orphan')).toEqual({});
    // batchops-test trusts S3 Batch Operations only: Lambda cannot assume it.
    await f.lambda.send(createInput('untrusted', envCode, roleArn('batchops-test')));
    expect(await invokeJson('untrusted')).toEqual({});
  });
});

const batchTrust = 'batchoperations.s3.amazonaws.com';

/** Run a job over `rows` (CSV `bucket,key`) as `RoleArn` to its end; its report's rows. */
async function runJob(
  RoleArn: string,
  Operation: JobOperation,
  rows: string[],
): Promise<{ job: JobDescriptor; rows: string[] }> {
  const manifest = await putCsvManifest(f.s3, 'perm-src', 'm.csv', rows);
  const input = csvJobInput({
    operation: Operation,
    manifest,
    reportBucket: 'perm-reports',
    reportPrefix: 'r',
    priority: 1,
    roleArn: RoleArn,
  });
  const job = await runJobToEnd(f.s3control, input, 40_000);
  return { job, rows: await reportLines(f.s3, 'perm-reports', 'r', job.JobId) };
}

describe('LambdaInvoke jobs invoke as the job role', () => {
  const answer = `export const handler = async (event) => ({ invocationSchemaVersion: '1.0',
    treatMissingKeysAs: 'PermanentFailure', invocationId: event.invocationId,
    results: event.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded', resultString: 'ok' })) });`;
  const invoke: JobOperation = { LambdaInvoke: { FunctionArn: fnArn('answer') } };
  const rows = ['a', 'b', 'c'].map((k) => `perm-src,${k}`);

  it('every task fails AccessDenied without lambda:InvokeFunction, and succeeds with it', async () => {
    await f.lambda.send(createInput('answer', answer));
    const s3Only = await role('job-s3-only', batchTrust, allow(['s3:*']));
    const denied = await runJob(s3Only, invoke, rows);
    expect(denied.job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 0, NumberOfTasksFailed: 3 });
    expect(denied.rows).toHaveLength(3);
    for (const row of denied.rows) {
      expect(row).toContain(',failed,403,AccessDeniedException,');
      expect(row).toContain(
        `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/job-s3-only/s3-batch-operations is not authorized to perform: lambda:InvokeFunction on resource: ${fnArn('answer')}`,
      );
    }
    const invoker = await role('job-invoker', batchTrust, allow(['s3:*', 'lambda:InvokeFunction']));
    const allowed = await runJob(invoker, invoke, rows);
    expect(allowed.job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 3, NumberOfTasksFailed: 0 });
  });
});

describe('Batch Replication runs in-process, as the job role', () => {
  it('a forged ReplicateObject request is an unknown S3 operation; a job still needs s3:InitiateReplication', async () => {
    for (const Bucket of ['forge-src', 'forge-dst']) {
      await f.s3.send(new CreateBucketCommand({ Bucket }));
      await f.s3.send(
        new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
      );
    }
    const put = await f.s3.send(new PutObjectCommand({ Bucket: 'forge-src', Key: 'k', Body: 'secret' }));
    await putReplicationRule(f.s3, 'forge-src', 'forge-dst', roleArn('batchops-test'));
    const res = await signedRequest(f.aws.url, {
      method: 'POST',
      path: '/forge-src/k',
      query: { versionId: put.VersionId as string },
      headers: {
        'x-batchops-replicate': 'true',
        'x-batchops-engine-token': createHash('sha256').update('guess').digest('hex'),
      },
    });
    expect(res.status).toBe(501);
    expect(res.body).toContain('<Code>NotImplemented</Code>');
    const replica = await errorOf(f.s3.send(new GetObjectCommand({ Bucket: 'forge-dst', Key: 'k' })));
    expect(replica.name).toBe('NoSuchKey');

    // The engine's channel still asks the role for s3:InitiateReplication.
    const replicate: JobOperation = { S3ReplicateObject: {} };
    const noInitiate = await role('job-no-replication', batchTrust, [
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:InitiateReplication', Resource: '*' },
    ]);
    const denied = await runJob(noInitiate, replicate, ['forge-src,k']);
    expect(denied.rows).toEqual([
      // The message quotes the resource as S3 does; CSV doubles those quotes.
      `forge-src,k,,failed,403,AccessDenied,"User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/job-no-replication/s3-batch-operations is not authorized to perform: s3:InitiateReplication on resource: ""arn:aws:s3:::forge-src/k"" with an explicit deny in an identity-based policy"`,
    ]);
    expect((await errorOf(f.s3.send(new GetObjectCommand({ Bucket: 'forge-dst', Key: 'k' })))).name).toBe(
      'NoSuchKey',
    );
    const allowed = await runJob(roleArn('batchops-test'), replicate, ['forge-src,k']);
    expect(allowed.rows).toEqual(['forge-src,k,,succeeded,200,,Successful']);
    const copied = await f.s3.send(
      new GetObjectCommand({ Bucket: 'forge-dst', Key: 'k', VersionId: put.VersionId }),
    );
    expect(copied.ReplicationStatus).toBe('REPLICA');
  });
});
