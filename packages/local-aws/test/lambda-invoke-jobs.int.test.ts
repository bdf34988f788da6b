import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateJobCommand, type CreateJobCommandInput, type JobStatus } from '@aws-sdk/client-s3-control';
import { csvJobInput, reportLines, waitForJob, zipOf } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID as AccountId,
  errorOf,
  TEST_ROLE_ARN as RoleArn,
  useFixture,
} from './support/local-aws-fixture.js';

// LambdaInvoke jobs end to end: S3 Control CreateJob → the engine → @aws-sdk/client-lambda →
// local-aws's Lambda API → the function in its worker process → the completion report.

const arnOf = (name: string) => `arn:aws:lambda:us-east-1:${AccountId}:function:${name}`;

const FUNCTIONS: Record<string, { code: string; timeout?: number; env?: Record<string, string> }> = {
  // Echoes what it was sent into resultString: the report proves the event's fields.
  echo: {
    code: `exports.handler = async (event) => ({
      invocationSchemaVersion: event.invocationSchemaVersion,
      treatMissingKeysAs: 'PermanentFailure',
      invocationId: event.invocationId,
      results: event.tasks.map((t) => ({
        taskId: t.taskId,
        resultCode: 'Succeeded',
        resultString: [event.invocationSchemaVersion, event.job.id, t.s3BucketArn ?? t.s3Bucket, t.s3Key, String(t.s3VersionId), JSON.stringify(event.job.userArguments ?? null)].join('|'),
      })),
    });`,
  },
  // Refuses keys with "bad", throws on keys with "boom".
  picky: {
    code: `exports.handler = async (event) => {
      const t = event.tasks[0];
      if (t.s3Key.includes('boom')) throw new Error('boom on ' + t.s3Key);
      const bad = t.s3Key.includes('bad');
      return { invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: event.invocationId,
        results: [{ taskId: t.taskId, resultCode: bad ? 'PermanentFailure' : 'Succeeded', resultString: (bad ? 'refused ' : 'took ') + t.s3Key }] };
    };`,
  },
  sleepy: {
    code: 'export const handler = async () => { await new Promise((r) => setTimeout(r, 5000)); return {}; };',
    timeout: 1,
  },
  // TemporaryFailure the first time it sees a key, Succeeded after (one warm worker per function
  // here: a function can write nothing outside its own tmp, so it remembers in memory).
  flaky: {
    code: `const seenKeys = new Set();
    exports.handler = async (event) => {
      const t = event.tasks[0];
      const seen = seenKeys.has(t.s3Key);
      seenKeys.add(t.s3Key);
      return { invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: event.invocationId,
        results: [{ taskId: t.taskId, resultCode: seen ? 'Succeeded' : 'TemporaryFailure', resultString: seen ? 'second time lucky' : 'try again' }] };
    };`,
  },
  // Answers no result for the task: treatMissingKeysAs decides.
  forgetful: {
    code: `exports.handler = async (event) => ({ invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: event.invocationId, results: [] });`,
  },
  garbage: { code: 'exports.handler = async () => "not a response";' },
};

const fx = useFixture(
  { engine: { concurrency: 8, flushMs: 50 }, lambda: { poolSize: 1 } },
  async ({ s3, lambda }) => {
    await s3.send(new CreateBucketCommand({ Bucket: 'src' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
    for (const [name, f] of Object.entries(FUNCTIONS)) {
      const esm = f.code.startsWith('export ');
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs22.x',
          Handler: 'index.handler',
          Role: RoleArn,
          Code: { ZipFile: zipOf([{ name: esm ? 'index.mjs' : 'index.js', data: f.code, deflate: true }]) },
          ...(f.timeout ? { Timeout: f.timeout } : {}),
          ...(f.env ? { Environment: { Variables: f.env } } : {}),
        }),
      );
    }
  },
);

const enc = (k: string) => encodeURIComponent(k).replace(/%2F/g, '/');

async function manifestOf(name: string, keys: string[]): Promise<{ arn: string; etag: string }> {
  const key = `manifests/${name}.csv`;
  const out = await fx.s3.send(
    new PutObjectCommand({ Bucket: 'src', Key: key, Body: keys.map((k) => `src,${enc(k)}`).join('\n') }),
  );
  return { arn: `arn:aws:s3:::src/${key}`, etag: (out.ETag as string).replaceAll('"', '') };
}

function jobInput(
  manifest: { arn: string; etag: string },
  LambdaInvoke: NonNullable<CreateJobCommandInput['Operation']>['LambdaInvoke'],
): CreateJobCommandInput {
  const input = csvJobInput({
    operation: { LambdaInvoke },
    manifest: { ObjectArn: manifest.arn, ETag: manifest.etag },
    reportBucket: 'reports',
    reportPrefix: 'r',
    accountId: AccountId,
    roleArn: RoleArn,
  });
  return input;
}

const waitFor = (JobId: string, statuses: JobStatus[], timeoutMs = 40_000) =>
  waitForJob(fx.s3control, JobId, statuses, { timeoutMs });

/** The report's rows, sorted (tasks do not run in manifest order). */
const reportRows = async (jobId: string) => (await reportLines(fx.s3, 'reports', 'r', jobId)).sort();

async function runJob(
  name: string,
  keys: string[],
  op: Parameters<typeof jobInput>[1],
  end: JobStatus[] = ['Complete'],
) {
  const { JobId } = await fx.s3control.send(new CreateJobCommand(jobInput(await manifestOf(name, keys), op)));
  const job = await waitFor(JobId as string, end);
  return { jobId: JobId as string, job, rows: await reportRows(JobId as string) };
}

describe('LambdaInvoke jobs', () => {
  it('sends the v1.0 event (URL-encoded key, bucket ARN) and reports each resultString', async () => {
    const keys = ['data/a.txt', 'data/with space+plus ü.txt'];
    const { jobId, job, rows } = await runJob('echo', keys, { FunctionArn: arnOf('echo') });
    expect(job.ProgressSummary).toMatchObject({
      TotalNumberOfTasks: 2,
      NumberOfTasksSucceeded: 2,
      NumberOfTasksFailed: 0,
    });
    expect(rows).toEqual(
      keys
        .map((k) => `src,${enc(k)},,succeeded,200,,1.0|${jobId}|arn:aws:s3:::src|${enc(k)}|null|null`)
        .sort(),
    );
  });

  it("sends the v2.0 event: bucket name and the job's UserArguments", async () => {
    const { jobId, rows } = await runJob('echo-v2', ['data/b.txt'], {
      FunctionArn: 'echo',
      InvocationSchemaVersion: '2.0',
      UserArguments: { mode: 'fast', level: '3' },
    });
    expect(rows).toEqual([
      `src,data/b.txt,,succeeded,200,,"2.0|${jobId}|src|data/b.txt|null|{""mode"":""fast"",""level"":""3""}"`,
    ]);
  });

  it('fails the tasks the function refuses (PermanentFailure) or throws on', async () => {
    const { job, rows } = await runJob('picky', ['data/good-1', 'data/bad-1', 'data/boom-1'], {
      FunctionArn: arnOf('picky'),
    });
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 1, NumberOfTasksFailed: 2 });
    expect(rows[0]).toBe('src,data/bad-1,,failed,200,PermanentFailure,refused data/bad-1');
    expect(rows[1]).toMatch(
      /^src,data\/boom-1,,failed,200,PermanentFailure,"Lambda returned function error: \{""errorType"":""Error"",""errorMessage"":""boom on data\/boom-1"",""trace"":\[/,
    );
    expect(rows[2]).toBe('src,data/good-1,,succeeded,200,,took data/good-1');
  });

  it('fails the tasks of a function that times out, as Lambda reports it', async () => {
    const { rows } = await runJob('sleepy', ['data/slow-1', 'data/slow-2'], { FunctionArn: arnOf('sleepy') });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatch(
        /^src,data\/slow-\d,,failed,200,PermanentFailure,"Lambda returned function error: \{""errorType"":""Sandbox.Timedout"",""errorMessage"":""RequestId: [0-9a-f-]+ Error: Task timed out after 1.00 seconds""\}"$/,
      );
    }
  });

  it('redrives TemporaryFailure: a task that succeeds the second time ends succeeded', async () => {
    const { job, rows } = await runJob('flaky', ['data/flaky-1', 'data/flaky-2'], {
      FunctionArn: arnOf('flaky'),
    });
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 2, NumberOfTasksFailed: 0 });
    expect(rows).toEqual([
      'src,data/flaky-1,,succeeded,200,,second time lucky',
      'src,data/flaky-2,,succeeded,200,,second time lucky',
    ]);
  });

  it('applies treatMissingKeysAs, and refuses a payload that is not a response', async () => {
    const missing = await runJob('forgetful', ['data/x'], { FunctionArn: arnOf('forgetful') });
    expect(missing.rows).toEqual(['src,data/x,,failed,200,PermanentFailure,']);
    const garbage = await runJob('garbage', ['data/y'], { FunctionArn: arnOf('garbage') });
    expect(garbage.rows).toEqual([
      'src,data/y,,failed,200,PermanentFailure,Invalid JSON returned in Lambda payload',
    ]);
  });

  it("fails the tasks of a function that does not exist with Lambda's error", async () => {
    const { rows } = await runJob('ghost', ['data/z'], { FunctionArn: arnOf('ghost') });
    expect(rows).toEqual([
      'src,data/z,,failed,404,ResourceNotFoundException,Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost',
    ]);
  });

  it('refuses bad LambdaInvoke parameters at CreateJob', async () => {
    const manifest = await manifestOf('refused', ['data/a']);
    const cases: Array<[NonNullable<CreateJobCommandInput['Operation']>['LambdaInvoke'], RegExp]> = [
      [{ FunctionArn: 'arn:aws:s3:::not-a-function' }, /FunctionArn/],
      [{}, /FunctionArn/],
      [{ FunctionArn: 'echo', InvocationSchemaVersion: '3.0' }, /InvocationSchemaVersion/],
      [{ FunctionArn: 'echo', UserArguments: { a: 'b' } }, /UserArguments need InvocationSchemaVersion 2.0/],
      [
        {
          FunctionArn: 'echo',
          InvocationSchemaVersion: '2.0',
          UserArguments: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
        },
        /UserArguments/,
      ],
      [
        { FunctionArn: 'echo', InvocationSchemaVersion: '2.0', UserArguments: { k: 'v'.repeat(1025) } },
        /UserArguments/,
      ],
    ];
    for (const [op, message] of cases) {
      const err = await errorOf(fx.s3control.send(new CreateJobCommand(jobInput(manifest, op))));
      expect(err.name).toBe('BadRequestException');
      expect(err.message).toMatch(message);
    }
  });
});
