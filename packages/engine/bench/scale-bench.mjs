#!/usr/bin/env node
// Scale (issue 22 §1): the same tagging job over 20,000 and over 1,000,000 objects in one run, through
// one local-aws started as a user starts it (its CLI, in a process of its own, --test-role): tasks/s of
// each, the large ÷ small rate, and local-aws's peak RSS (the kernel's high-water mark of that process,
// so the bench's own SDK clients are not in it). Needs the built engine and local-aws.
// BENCH_SCALE_OBJECTS=<small>,<large> (default 20000,1000000; BENCH_QUICK=1: 2000,20000);
// BENCH_CONCURRENCY=<n> engine concurrency (64); BENCH_SCALE_REPORT=1 runs the large job once more
// with its completion report on (all tasks), which must stream too.
//
// The objects are seeded as rows copied from one real PUT (seed-objects.mjs): a million PUTs would
// take the bench's time. The manifest is a real PUT (streamed from a file), the jobs real CreateJob
// calls that run as the test role until Complete. Both jobs run over the same bucket, so the store's
// size is the same for both: what differs is the job's own size.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { recordFigure } from '../../local-aws/bench/figures.mjs';
import { failBench, limitBenchTime } from '../../local-aws/bench/time-limit.mjs';
import {
  fmt,
  loadAverage,
  localAwsDist,
  printTable,
  s3For,
  seedObjects,
  taggingJob,
} from './bench-support.mjs';

limitBenchTime('engine scale bench', { quickSeconds: 600, fullSeconds: 5400 });

const QUICK = process.env.BENCH_QUICK === '1';
const [SMALL, LARGE] = (process.env.BENCH_SCALE_OBJECTS ?? (QUICK ? '2000,20000' : '20000,1000000'))
  .split(',')
  .map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const WITH_REPORT = process.env.BENCH_SCALE_REPORT === '1';
const GOAL_RATE_RATIO = 0.9;
const GOAL_RSS_MB = 400;
const BUCKET = 'engine-scale';
const MiB = 1024 * 1024;

/** A field of /proc/<pid>/status in bytes (VmRSS now, VmHWM the peak so far). */
function procStatus(pid, field) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return Number(m?.[1] ?? 0) * 1024;
}

/** CPU seconds (user + system) of process `pid` so far. */
function procCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * local-aws as a user starts it: its CLI under this Node with the flags of its bin's shebang, on
 * `dataDir`, the test role created. Its URL and pid, a root S3 client, and `close()`.
 */
async function startCliAws(dataDir) {
  const cli = join(localAwsDist, 'cli.js');
  const flags =
    readFileSync(cli, 'utf8')
      .split('\n')[0]
      .match(/node (.*)$/)?.[1]
      .split(' ') ?? [];
  const args = ['--port', '0', '--data-dir', dataDir, '--test-role', '--concurrency', String(CONCURRENCY)];
  const child = spawn(process.execPath, [...flags, cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((ok) => child.once('exit', ok));
  let url;
  await new Promise((ok) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('BATCHOPS_LOCAL_AWS_URL=')) return;
      url = line.slice('BATCHOPS_LOCAL_AWS_URL='.length);
      ok();
    });
    exited.then(
      (code) => url ?? failBench('engine scale bench', `local-aws exited (${code}) before it listened`),
    );
  });
  const s3 = s3For(url);
  return {
    url,
    s3,
    pid: child.pid,
    flags,
    close: async () => {
      s3.destroy();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** local-aws's peak RSS between `reset()` and now, sampled every 50 ms. */
const rss = {
  pid: 0,
  peak: 0,
  reset() {
    this.peak = procStatus(this.pid, 'VmRSS');
  },
};
setInterval(() => {
  if (rss.pid) rss.peak = Math.max(rss.peak, procStatus(rss.pid, 'VmRSS'));
}, 50).unref();
// BENCH_SCALE_TRACE=<s>: every <s> seconds, the running job's tasks done and rate since the last line,
// local-aws's RSS and the store files' sizes: what grows with N shows here.
const trace = { done: 0, dataDir: '' };
if (process.env.BENCH_SCALE_TRACE) {
  const every = Number(process.env.BENCH_SCALE_TRACE);
  let last = 0;
  setInterval(() => {
    const mb = (b) => Math.round(b / MiB);
    const size = (f) => {
      try {
        return mb(statSync(join(trace.dataDir, f)).size);
      } catch {
        return 0;
      }
    };
    console.log(
      `  ${new Date().toISOString().slice(11, 19)} done ${trace.done} (${Math.round((trace.done - last) / every)}/s) · local-aws rss ${mb(procStatus(rss.pid, 'VmRSS'))} MiB · s3.sqlite ${size('s3.sqlite')}+wal ${size('s3.sqlite-wal')} jobs.sqlite ${size('engine/jobs.sqlite')}+wal ${size('engine/jobs.sqlite-wal')} MiB`,
    );
    last = trace.done;
  }, every * 1000).unref();
}

/** local-aws's RSS at each quarter of the job's tasks (what grows with N shows here). */
function quarterSamples(aws, n) {
  const marks = [];
  let next = 1;
  aws.onProgress = (job) => {
    const p = job.ProgressSummary ?? {};
    trace.done = (p.NumberOfTasksSucceeded ?? 0) + (p.NumberOfTasksFailed ?? 0);
    while (next <= 4 && trace.done >= (n * next) / 4) {
      marks.push(String(Math.round(procStatus(aws.pid, 'VmRSS') / MiB)));
      next++;
    }
  };
  return { off: () => (aws.onProgress = undefined), marks };
}

/** The report's results files, streamed: their line count (one per task). */
async function reportRows(s3, jobId) {
  const manifest = await s3.send(
    new GetObjectCommand({ Bucket: BUCKET, Key: `reports/job-${jobId}/manifest.json` }),
  );
  const { Results } = JSON.parse(await manifest.Body.transformToString());
  let lines = 0;
  for (const r of Results) {
    const out = await s3.send(new GetObjectCommand({ Bucket: r.Bucket, Key: r.Key }));
    for await (const c of out.Body) for (const b of c) if (b === 10) lines++;
  }
  return lines;
}

async function runJob(aws, n, what, report) {
  const value = `${what}-${n}`;
  rss.reset();
  const q = quarterSamples(aws, n);
  const cpu0 = procCpuSeconds(aws.pid);
  const { jobId, seconds } = await taggingJob(aws, {
    bucket: BUCKET,
    n,
    value,
    report: report
      ? {
          Enabled: true,
          Bucket: `arn:aws:s3:::${BUCKET}`,
          Prefix: 'reports',
          Format: 'Report_CSV_20180820',
          ReportScope: 'AllTasks',
        }
      : undefined,
  });
  q.off();
  // local-aws's CPU over the job and the bench's tag check after it (200 GETs: noise at these sizes).
  const cpuSeconds = procCpuSeconds(aws.pid) - cpu0;
  const peak = rss.peak;
  if (report) {
    const lines = await reportRows(aws.s3, jobId);
    if (lines !== n) throw new Error(`the report of job ${jobId} has ${lines} rows for ${n} tasks`);
  }
  return { n, what, seconds, rate: n / seconds, perCpu: n / cpuSeconds, peak, quarters: q.marks.join(' · ') };
}

async function main() {
  console.log(
    `engine scale bench: ${fmt(SMALL)} and ${fmt(LARGE)} objects, concurrency ${CONCURRENCY}, load average before ${loadAverage()}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-scale-'));
  trace.dataDir = dataDir;
  const rows = [];
  let maxRss = 0;
  try {
    const seeded = await seedObjects(dataDir, BUCKET, LARGE);
    console.log(`seeded ${fmt(LARGE)} objects in ${fmt(seeded, 1)} s`);

    const aws = await startCliAws(dataDir);
    rss.pid = aws.pid;
    console.log(`local-aws: its CLI in process ${aws.pid} (node ${aws.flags.join(' ')}), ${aws.url}`);
    try {
      rows.push(await runJob(aws, SMALL, 'small', false));
      rows.push(await runJob(aws, LARGE, 'large', false));
      if (WITH_REPORT) rows.push(await runJob(aws, LARGE, 'report', true));
    } finally {
      maxRss = procStatus(aws.pid, 'VmHWM');
      rss.pid = 0;
      await aws.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  printTable(
    [
      'tagging job (CreateJob → Complete)',
      'objects',
      'seconds',
      'tasks/s',
      'tasks/CPU s',
      'peak RSS MiB',
      'RSS MiB at ¼ ½ ¾ 1',
    ],
    rows.map((r) => [
      r.what === 'report' ? 'report on (all tasks)' : 'report off',
      fmt(r.n),
      fmt(r.seconds, 1),
      fmt(r.rate),
      fmt(r.perCpu),
      fmt(r.peak / MiB),
      r.quarters,
    ]),
  );
  const [small, large] = rows;
  const ratio = large.rate / small.rate;
  const maxRssMB = maxRss / 1e6;
  console.log(
    `${fmt(LARGE)} rate ÷ ${fmt(SMALL)} rate: ${fmt(ratio, 2)} (goal ≥ ${GOAL_RATE_RATIO})${ratio >= GOAL_RATE_RATIO ? '' : ' — below goal'}; per CPU second: ${fmt(large.perCpu / small.perCpu, 2)}`,
  );
  console.log(
    `local-aws peak RSS (its process's high-water mark over the whole run): ${fmt(maxRss / MiB)} MiB = ${fmt(maxRssMB)} MB (goal ≤ ${GOAL_RSS_MB} MB)${maxRssMB <= GOAL_RSS_MB ? '' : ' — above goal'}`,
  );
  console.log(`load average after ${loadAverage()}`);
  const jobs = `tagging job, ${fmt(LARGE)} objects`;
  recordFigure({ bench: 'engine scale', figure: `${jobs}: rate`, value: large.rate, unit: 'tasks/s' });
  const vs = `${fmt(LARGE)} rate ÷ ${fmt(SMALL)} rate`;
  recordFigure({
    bench: 'engine scale',
    figure: vs,
    value: ratio,
    unit: '×',
    goal: { atLeast: GOAL_RATE_RATIO },
  });
  recordFigure({
    bench: 'engine scale',
    figure: `${jobs}: local-aws peak RSS (whole run)`,
    value: maxRssMB,
    unit: 'MB',
    goal: { atMost: GOAL_RSS_MB },
  });
}

await main();
