#!/usr/bin/env node
// Batch Replication throughput: an S3ReplicateObject job with a generated manifest
// (EligibleForReplication) over N existing objects, beside a hand-written @aws-sdk/client-s3 loop
// (ListObjectVersions + CopyObject of each version, concurrency 64) over the same objects, in one
// local-aws started in this process. Both are timed from their first call to their last; the job
// from CreateJob to Complete, so it includes listing the bucket and preparing the job.
// Needs the built local-aws (`pnpm --filter @batchops/local-aws build`).
// BENCH_QUICK=1 uses 2,000 objects instead of 20,000; BENCH_REPL_OBJECTS=<n> sets the count.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { startLocalAws, TEST_ROLE, TEST_ROLE_ARN } from '../dist/index.js';
import { recordFigure } from './figures.mjs';
import { runPool } from './run-pool.mjs';
import { limitBenchTime } from './time-limit.mjs';
import { runTimedJob } from './timed-job.mjs';

limitBenchTime('replication bench', { quickSeconds: 300, fullSeconds: 1200 });

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const N = Number(process.env.BENCH_REPL_OBJECTS ?? (process.env.BENCH_QUICK === '1' ? 2_000 : 20_000));
const LOOP_CONCURRENCY = 64;
const ACCOUNT = '000000000000';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const keyOf = (i) => `objects/${String(i % 10)}/obj-${String(i).padStart(7, '0')}`;

const dataDir = mkdtempSync(join(tmpdir(), 'replication-bench-'));
const aws = await startLocalAws({ port: 0, dataDir, roles: [TEST_ROLE], engine: { concurrency: 64 } });
const s3 = new S3Client({
  region: 'us-east-1',
  endpoint: aws.url,
  forcePathStyle: true,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: LOOP_CONCURRENCY }) },
});
const control = new S3ControlClient({
  region: 'us-east-1',
  credentials,
  endpointProvider: () => ({ url: new URL(`${aws.url}/`) }),
});

try {
  for (const Bucket of ['repl-src', 'repl-dst-job', 'repl-dst-loop', 'repl-reports']) {
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const s0 = performance.now();
  // Existing objects: written before the replication configuration, so live replication skips them.
  await runPool(N, 64, (i) =>
    s3.send(
      new PutObjectCommand({
        Bucket: 'repl-src',
        Key: keyOf(i),
        Body: `object ${i} `.repeat(8),
        Metadata: { n: String(i) },
        Tagging: `bench=${i % 3}`,
      }),
    ),
  );
  const seedSeconds = (performance.now() - s0) / 1000;
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: 'repl-src',
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${ACCOUNT}:role/replication`,
        Rules: [
          {
            ID: 'all',
            Priority: 1,
            Status: 'Enabled',
            Filter: {},
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: 'arn:aws:s3:::repl-dst-job' },
          },
        ],
      },
    }),
  );

  // The Batch Replication job.
  const { status, seconds, job } = await runTimedJob(aws, control, {
    AccountId: ACCOUNT,
    ConfirmationRequired: false,
    Operation: { S3ReplicateObject: {} },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: 'arn:aws:s3:::repl-src',
        EnableManifestOutput: false,
        Filter: { EligibleForReplication: true },
      },
    },
    Report: {
      Enabled: true,
      Bucket: 'arn:aws:s3:::repl-reports',
      Format: 'Report_CSV_20180820',
      ReportScope: 'FailedTasksOnly',
    },
    Priority: 10,
    RoleArn: TEST_ROLE_ARN,
  });
  const done = job?.ProgressSummary?.NumberOfTasksSucceeded ?? 0;
  if (status !== 'Complete' || done !== N)
    throw new Error(`the job ended ${status} with ${done} of ${N} tasks succeeded`);

  // The hand-written loop: list the versions, copy each (CopyObject cannot keep the version ID).
  const l0 = performance.now();
  const versions = [];
  let KeyMarker;
  let VersionIdMarker;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({ Bucket: 'repl-src', KeyMarker, VersionIdMarker }),
    );
    for (const v of page.Versions ?? []) versions.push(v);
    if (!page.IsTruncated) break;
    KeyMarker = page.NextKeyMarker;
    VersionIdMarker = page.NextVersionIdMarker;
  }
  await runPool(versions.length, LOOP_CONCURRENCY, (i) => {
    const v = versions[i];
    return s3.send(
      new CopyObjectCommand({
        Bucket: 'repl-dst-loop',
        Key: v.Key,
        CopySource: `repl-src/${encodeURIComponent(v.Key)}?versionId=${v.VersionId}`,
      }),
    );
  });
  const loopSeconds = (performance.now() - l0) / 1000;

  // A sample of the replicas: same version ID, REPLICA; sources COMPLETED.
  for (let i = 0; i < N; i += Math.max(1, Math.floor(N / 100))) {
    const src = await s3.send(new HeadObjectCommand({ Bucket: 'repl-src', Key: keyOf(i) }));
    const dst = await s3.send(new HeadObjectCommand({ Bucket: 'repl-dst-job', Key: keyOf(i) }));
    if (
      src.ReplicationStatus !== 'COMPLETED' ||
      dst.ReplicationStatus !== 'REPLICA' ||
      dst.VersionId !== src.VersionId
    )
      throw new Error(`${keyOf(i)}: source ${src.ReplicationStatus}, replica ${dst.ReplicationStatus}`);
  }

  const rate = (s) => Math.round(N / s).toLocaleString('en-US');
  console.log(
    `\nBatch Replication, ${N.toLocaleString('en-US')} objects (~90 B, 1 tag, metadata), one process, load ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `  seeding (PutObject, concurrency 64)             ${seedSeconds.toFixed(1).padStart(7)} s  ${rate(seedSeconds).padStart(7)} objects/s`,
  );
  console.log(
    `  S3ReplicateObject job, generated manifest       ${seconds.toFixed(1).padStart(7)} s  ${rate(seconds).padStart(7)} objects/s`,
  );
  console.log(
    `  SDK loop: ListObjectVersions + CopyObject (64)  ${loopSeconds.toFixed(1).padStart(7)} s  ${rate(loopSeconds).padStart(7)} objects/s`,
  );
  console.log(`  job / loop: ${(loopSeconds / seconds).toFixed(2)}x`);
  const figure = `Batch Replication job ÷ SDK loop, ${N.toLocaleString('en-US')} objects`;
  recordFigure({ bench: 'replication', figure, value: loopSeconds / seconds, unit: '×' });
} finally {
  s3.destroy();
  control.destroy();
  await aws.close();
  rmSync(dataDir, { recursive: true, force: true });
}
