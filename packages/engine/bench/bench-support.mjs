// What the engine benches share: a local-aws in this process with its clients, the bench's object
// keys and manifest, the tagging job they time (CreateJob → end through the wire), the table they print.
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateBucketCommand, GetObjectTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { seedObjectRowsApart } from '../../local-aws/bench/seed-objects.mjs';
import { runTimedJob } from '../../local-aws/bench/timed-job.mjs';

// The SDK's Node 20 deprecation notice would land in the middle of the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// @batchops/local-aws depends on the engine, not the other way round, so it is not resolvable from
// here: import its build by path. BENCH_LOCAL_AWS_DIST=<dir> runs another build (a baseline copy
// under packages/local-aws/.bench/, see local-aws/bench/README.md) for before/after figures.
export const localAwsDist =
  process.env.BENCH_LOCAL_AWS_DIST ?? fileURLToPath(new URL('../../local-aws/dist', import.meta.url));
const { startLocalAws, TEST_ROLE, TEST_ROLE_ARN } = await import(
  pathToFileURL(join(localAwsDist, 'index.js')).href
);

const ACCOUNT = '000000000000';
export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The i-th object of a bench bucket; KEY_SQL is the same key as an SQL expression of `i`. */
export const keyOf = (i) => `objects/obj-${String(i).padStart(7, '0')}`;
const KEY_SQL = `printf('objects/obj-%07d', i)`;

export function s3For(url, as = credentials, maxSockets = 64) {
  return new S3Client({
    region: 'us-east-1',
    endpoint: url,
    forcePathStyle: true,
    credentials: as,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets }) },
  });
}

/**
 * local-aws in this process (the engine shares its process with the server it calls) with the role
 * the benches' jobs run as, and `s3`, a root client of it; `close()` ends both.
 */
export async function startBenchAws(options) {
  const aws = await startLocalAws({ ...options, roles: [TEST_ROLE] });
  const s3 = s3For(aws.url);
  const close = aws.close.bind(aws);
  return Object.assign(aws, {
    s3,
    close: async () => {
      s3.destroy();
      await close();
    },
  });
}

/**
 * A new bucket of `count` objects in local-aws's `dataDir` (local-aws closed): one real PUT, then
 * copies of its row under every key (seed-objects.mjs), as a million PUTs would take the bench's
 * time. Seconds taken.
 */
export async function seedObjects(dataDir, bucket, count) {
  const aws = await startBenchAws({ port: 0, dataDir });
  try {
    await aws.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await aws.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'template', Body: 'object\n' }));
  } finally {
    await aws.close();
  }
  return seedObjectRowsApart(dataDir, { bucket, count, keySql: KEY_SQL, template: 'template' });
}

function controlFor(url) {
  return new S3ControlClient({
    region: 'us-east-1',
    credentials,
    // The endpoint rules would put the account in front of 127.0.0.1 (wire-notes §1).
    endpointProvider: () => ({ url: new URL(`${url}/`) }),
  });
}

/** Objects 0..n-1 carry exactly the tag `bench=<value>` (checked on 200 keys spread over them). */
export async function checkTags(s3, bucket, n, value) {
  const step = Math.max(1, Math.floor(n / 200));
  for (let i = 0; i < n; i += step) {
    const out = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: keyOf(i) }));
    const tags = JSON.stringify(out.TagSet);
    if (tags !== JSON.stringify([{ Key: 'bench', Value: value }])) {
      throw new Error(`${keyOf(i)} has tags ${tags}, expected bench=${value}`);
    }
  }
}

/**
 * Write the manifest of objects 0..n-1 of `bucket` to a file and PUT it as `key` (both streamed, as
 * a million rows would weigh on the RSS figures); its ARN and ETag.
 */
async function putManifest(s3, bucket, n, key) {
  const path = join(tmpdir(), `engine-bench-${process.pid}-${key}`);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    if (!out.write(`${bucket},${encodeURIComponent(keyOf(i))}\n`)) {
      await new Promise((ok) => out.once('drain', ok));
    }
  }
  out.end();
  await finished(out);
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(path),
      ContentLength: statSync(path).size,
    }),
  );
  rmSync(path);
  return { manifestArn: `arn:aws:s3:::${bucket}/${key}`, etag: (put.ETag ?? '').replace(/"/g, '') };
}

/**
 * A tagging job `bench=<value>` over objects 0..n-1 of `bucket` (a manifest of its own), as TEST_ROLE,
 * timed from CreateJob to its end; throws unless it completed with every task succeeded and the objects carry
 * the tag (checked after the timing). `report`: the job's Report. `cpuSeconds`: this process's CPU
 * time over the job (steadier than wall time on a shared machine).
 */
export async function taggingJob(aws, { bucket, n, value, report }) {
  const { manifestArn, etag } = await putManifest(aws.s3, bucket, n, `manifest-${value}.csv`);
  const control = controlFor(aws.url);
  try {
    const cpuMark = process.cpuUsage();
    const { jobId, status, seconds, job } = await runTimedJob(aws, control, {
      AccountId: ACCOUNT,
      ConfirmationRequired: false,
      Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'bench', Value: value }] } },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: manifestArn, ETag: etag },
      },
      Report: report ?? { Enabled: false },
      Priority: 10,
      RoleArn: TEST_ROLE_ARN,
      ClientRequestToken: `bench-${value}`,
    });
    const { user, system } = process.cpuUsage(cpuMark);
    const p = job?.ProgressSummary;
    if (status !== 'Complete' || p?.NumberOfTasksSucceeded !== n || p?.NumberOfTasksFailed !== 0) {
      throw new Error(
        `job ${jobId} ended ${status}: ${JSON.stringify(p)} ${JSON.stringify(job?.FailureReasons)}`,
      );
    }
    await checkTags(aws.s3, bucket, n, value);
    return { jobId, seconds, cpuSeconds: (user + system) / 1e6 };
  } finally {
    control.destroy();
  }
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Print a markdown table: the first column left-aligned, the others right-aligned. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}
