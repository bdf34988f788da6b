// LambdaInvoke benchmark: a job over 10,000 objects with a trivial function (tasks/s from CreateJob
// to Complete), next to plain Invoke calls through the SDK (invocations/s) over the same endpoint.
// Usage: node bench/lambda-bench.mjs (after a build)   BENCH_QUICK=1 for 1,000 objects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateJobCommand, DescribeJobCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { zipOf } from '@batchops/test-support';
import { startLocalAws, TEST_ROLE, TEST_ROLE_ARN } from '../dist/index.js';
import { recordFigure } from './figures.mjs';
import { runPool } from './run-pool.mjs';
import { failBench, limitBenchTime } from './time-limit.mjs';

limitBenchTime('lambda bench', { quickSeconds: 300, fullSeconds: 1200 });

const OBJECTS = process.env.BENCH_QUICK ? 1000 : 10_000;
const INVOKES = process.env.BENCH_QUICK ? 500 : 5000;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const ACCOUNT = '000000000000';

const dir = mkdtempSync(join(tmpdir(), 'bench-lambda-'));
const aws = await startLocalAws({ port: 0, dataDir: dir, roles: [TEST_ROLE] });
const s3 = new S3Client({ region: 'us-east-1', endpoint: aws.url, forcePathStyle: true, credentials });
const ctl = new S3ControlClient({
  region: 'us-east-1',
  credentials,
  endpointProvider: () => ({ url: new URL(`${aws.url}/`) }),
});
const lambda = new LambdaClient({ region: 'us-east-1', endpoint: aws.url, credentials });
try {
  await s3.send(new CreateBucketCommand({ Bucket: 'src' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
  await runPool(OBJECTS, 32, (i) =>
    s3.send(new PutObjectCommand({ Bucket: 'src', Key: `o/${i}`, Body: 'x' })),
  );
  const manifest = Array.from({ length: OBJECTS }, (_, i) => `src,o/${i}`).join('\n');
  const put = await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'manifest.csv', Body: manifest }));
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'trivial',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: `arn:aws:iam::${ACCOUNT}:role/bench`,
      Code: {
        ZipFile: zipOf([
          {
            name: 'index.js',
            data: "exports.handler = async (e) => ({ invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: e.invocationId, results: e.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded', resultString: t.s3Key })) });",
          },
        ]),
      },
    }),
  );

  // Plain invocations: warm the pool, then INVOKES calls, 64 in flight (the engine's concurrency).
  const payload = Buffer.from(
    '{"invocationSchemaVersion":"1.0","invocationId":"x","job":{"id":"j"},"tasks":[]}',
  );
  await runPool(8, 8, () => lambda.send(new InvokeCommand({ FunctionName: 'trivial', Payload: payload })));
  let t0 = performance.now();
  await runPool(INVOKES, 64, () =>
    lambda.send(new InvokeCommand({ FunctionName: 'trivial', Payload: payload })),
  );
  const invokeSecs = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const { JobId } = await ctl.send(
    new CreateJobCommand({
      AccountId: ACCOUNT,
      ConfirmationRequired: false,
      Operation: { LambdaInvoke: { FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:trivial` } },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: 'arn:aws:s3:::src/manifest.csv', ETag: put.ETag.replaceAll('"', '') },
      },
      Report: {
        Enabled: true,
        Bucket: 'arn:aws:s3:::reports',
        Format: 'Report_CSV_20180820',
        Prefix: 'r',
        ReportScope: 'AllTasks',
      },
      Priority: 1,
      RoleArn: TEST_ROLE_ARN,
    }),
  );
  let job;
  for (;;) {
    job = (await ctl.send(new DescribeJobCommand({ AccountId: ACCOUNT, JobId }))).Job;
    if (['Complete', 'Failed', 'Cancelled'].includes(job.Status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const jobSecs = (performance.now() - t0) / 1000;
  const p = job.ProgressSummary;
  if (job.Status !== 'Complete')
    failBench('lambda bench', `job ${JobId} ended ${job.Status}: ${JSON.stringify(job.FailureReasons)}`);
  console.log(`lambda bench: ${OBJECTS} objects, pool ${4} worker processes per function`);
  console.log(
    `  Invoke (SDK, 64 in flight):       ${INVOKES} calls in ${invokeSecs.toFixed(2)} s = ${(INVOKES / invokeSecs).toFixed(0)} invocations/s`,
  );
  console.log(
    `  LambdaInvoke job (${job.Status}): ${p.NumberOfTasksSucceeded} succeeded, ${p.NumberOfTasksFailed} failed in ${jobSecs.toFixed(2)} s = ${(OBJECTS / jobSecs).toFixed(0)} tasks/s (CreateJob to Complete, report included)`,
  );
  const figure = `LambdaInvoke job, ${OBJECTS} objects (report included)`;
  recordFigure({ bench: 'lambda', figure, value: OBJECTS / jobSecs, unit: 'tasks/s' });
  console.log(
    `  server process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (client in the same process)`,
  );
} finally {
  s3.destroy();
  ctl.destroy();
  lambda.destroy();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
}
