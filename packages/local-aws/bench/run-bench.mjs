// S3 benchmark: local-aws against s3rver, both driven by the same @aws-sdk/client-s3 configuration.
// Usage: node bench/run-bench.mjs [part…]   (parts: s3)   BENCH_QUICK=1 for a short run,
// BENCH_CPU_PROF=<dir> to profile the servers.
// Each server runs in its own child process so the client does not share a thread with it and each
// server's peak RSS can be reported on its own.
// BENCH_BASELINE_DIST=<dir>: also run the local-aws build in <dir> (a copy of an earlier dist/, kept
// under packages/local-aws so it resolves the same dependencies) as `before`, in the same run.
import { fork } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { recordFigure } from './figures.mjs';
import { runPool } from './run-pool.mjs';
import { limitBenchTime } from './time-limit.mjs';

// The SDK's Node 20 deprecation notice would land in the middle of the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BASELINE = process.env.BENCH_BASELINE_DIST;
const SERVERS = [...(BASELINE ? ['before'] : []), 'local-aws', 's3rver'];
/** Goal of issue 22 for server CPU per small GET and PUT with the lean client, µs. */
const GOAL_CPU_US = 200;
const MiB = 1024 * 1024;

// ---- child: one server -------------------------------------------------------------------------

async function serve(kind) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  let close;
  let url;
  // s3rver only knows its built-in key pair; local-aws defaults to test/test.
  let credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  if (kind === 'local-aws' || kind === 'before') {
    const dist = kind === 'before' ? pathToFileURL(join(BASELINE, 'index.js')).href : '../dist/index.js';
    const { startLocalAws } = await import(dist);
    const aws = await startLocalAws({ port: 0, dataDir: dir });
    url = aws.url;
    close = () => aws.close();
  } else {
    const { default: S3rver } = await import('s3rver');
    const s3rver = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true });
    const { port } = await s3rver.run();
    url = `http://127.0.0.1:${port}`;
    credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    close = () => s3rver.close();
  }
  process.on('message', async (msg) => {
    if (msg === 'rss') process.send({ maxRssKiB: process.resourceUsage().maxRSS });
    if (msg === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ cpuMicros: user + system });
    }
    if (msg === 'stop') {
      await close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  // A bench that ended (or hit its time limit) takes its servers with it.
  process.on('disconnect', () => process.exit(1));
  process.send({ url, credentials });
}

function startServer(kind) {
  // BENCH_CPU_PROF=<dir> writes a .cpuprofile of each server process there (node --cpu-prof).
  const prof = process.env.BENCH_CPU_PROF;
  const execArgv = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, `--cpu-prof-name=${kind}.cpuprofile`] : [];
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { stdio: 'inherit', execArgv });
  const next = () => new Promise((ok) => child.once('message', ok));
  return next().then(({ url, credentials }) => ({
    url,
    credentials,
    rss: () => {
      const p = next();
      child.send('rss');
      return p.then((m) => m.maxRssKiB * 1024);
    },
    cpu: () => {
      const p = next();
      child.send('cpu');
      return p.then((m) => m.cpuMicros);
    },
    stop: () => {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.send('stop');
      return exited;
    },
  }));
}

// ---- parent: the client side --------------------------------------------------------------------

function clientFor({ url, credentials }) {
  const httpAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  return new S3Client({
    region: 'us-east-1',
    endpoint: url,
    forcePathStyle: true,
    credentials,
    // Both servers must see the same plain requests: no flexible checksums, no aws-chunked bodies.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent },
  });
}

// A lean SigV4 client over node:http: the SDK spends ~1.5 ms of CPU per request here, which on
// two cores caps both servers at the client's speed; this client shows what the servers can do.
function leanClient({ url, credentials }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const { hostname, port, host } = new URL(url);
  const hmac = (k, v) => createHmac('sha256', k).update(v).digest();
  const keys = new Map();
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
      const date = amzDate.slice(0, 8);
      let key = keys.get(date);
      if (!key) {
        key = hmac(
          hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), 'us-east-1'), 's3'),
          'aws4_request',
        );
        keys.set(date, key);
      }
      const payloadHash = createHash('sha256')
        .update(body ?? '')
        .digest('hex');
      const canonical = [
        method,
        path,
        '',
        `host:${host}`,
        `x-amz-content-sha256:${payloadHash}`,
        `x-amz-date:${amzDate}`,
        '',
        'host;x-amz-content-sha256;x-amz-date',
        payloadHash,
      ].join('\n');
      const scope = `${date}/us-east-1/s3/aws4_request`;
      const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
      const signature = createHmac('sha256', key).update(toSign).digest('hex');
      const req = httpRequest(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            'x-amz-content-sha256': payloadHash,
            'x-amz-date': amzDate,
            authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
            ...(body ? { 'content-length': body.length } : {}),
          },
        },
        (res) => {
          let n = 0;
          res.on('data', (c) => {
            n += c.length;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve(n) : reject(new Error(`${method} ${path}: ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { request, destroy: () => agent.destroy() };
}

async function drain(body) {
  let n = 0;
  for await (const chunk of body) n += chunk.length;
  return n;
}

/** Run `op(i)` for i in [0, total) with `concurrency` in flight; ops/s. */
async function opsPerSecond(total, concurrency, op) {
  const t0 = process.hrtime.bigint();
  await runPool(total, concurrency, op);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return total / seconds;
}

/** A body of `size` bytes made of one reused 1 MiB chunk, so the client holds 1 MiB, not the object. */
function bigBody(size) {
  const chunk = Buffer.alloc(MiB, 0x61);
  return Readable.from(
    (function* () {
      for (let left = size; left > 0; left -= MiB) yield left >= MiB ? chunk : chunk.subarray(0, left);
    })(),
    { objectMode: false },
  );
}

async function benchS3(quick) {
  const plan = quick
    ? { c1: 100, c64: 1000, bigSize: 32 * MiB, bigCount: 1 }
    : { c1: 500, c64: 5000, bigSize: 100 * MiB, bigCount: 3 };
  const small = Buffer.alloc(1024, 0x62);
  const bucket = 'bench-bucket';
  const rows = new Map();
  const rss = {};
  const record = (name, server, value) => {
    if (!rows.has(name)) rows.set(name, {});
    rows.get(name)[server] = value;
  };

  for (const kind of SERVERS) {
    const server = await startServer(kind);
    const s3 = clientFor(server);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      // Warm up connections and JIT on both sides.
      await opsPerSecond(200, 16, (i) =>
        s3.send(new PutObjectCommand({ Bucket: bucket, Key: `warm/${i}`, Body: small })),
      );
      for (const [label, total, concurrency] of [
        ['c1', plan.c1, 1],
        ['c64', plan.c64, 64],
      ]) {
        let cpu0 = await server.cpu();
        const put = await opsPerSecond(total, concurrency, (i) =>
          s3.send(new PutObjectCommand({ Bucket: bucket, Key: `small-${label}/${i}`, Body: small })),
        );
        record(`PUT 1 KiB, concurrency ${concurrency} (ops/s)`, kind, put);
        record(
          `PUT 1 KiB, c${concurrency}, server CPU (µs/op, lower=better)`,
          kind,
          ((await server.cpu()) - cpu0) / total,
        );
        cpu0 = await server.cpu();
        const get = await opsPerSecond(total, concurrency, async (i) => {
          const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `small-${label}/${i}` }));
          if ((await drain(out.Body)) !== 1024) throw new Error('short read');
        });
        record(`GET 1 KiB, concurrency ${concurrency} (ops/s)`, kind, get);
        record(
          `GET 1 KiB, c${concurrency}, server CPU (µs/op, lower=better)`,
          kind,
          ((await server.cpu()) - cpu0) / total,
        );
      }
      const lean = leanClient(server);
      try {
        for (const [total, concurrency] of [
          [plan.c1, 1],
          [plan.c64, 64],
        ]) {
          let cpu0 = await server.cpu();
          const put = await opsPerSecond(total, concurrency, (i) =>
            lean.request('PUT', `/${bucket}/lean-${concurrency}/${i}`, small),
          );
          record(`PUT 1 KiB, concurrency ${concurrency}, lean client (ops/s)`, kind, put);
          record(
            `PUT 1 KiB, c${concurrency} lean, server CPU (µs/op)`,
            kind,
            ((await server.cpu()) - cpu0) / total,
          );
          cpu0 = await server.cpu();
          const get = await opsPerSecond(total, concurrency, async (i) => {
            if ((await lean.request('GET', `/${bucket}/lean-${concurrency}/${i}`)) !== 1024)
              throw new Error('short read');
          });
          record(`GET 1 KiB, concurrency ${concurrency}, lean client (ops/s)`, kind, get);
          record(
            `GET 1 KiB, c${concurrency} lean, server CPU (µs/op)`,
            kind,
            ((await server.cpu()) - cpu0) / total,
          );
        }
      } finally {
        lean.destroy();
      }
      const sizeMiB = plan.bigSize / MiB;
      let t0 = process.hrtime.bigint();
      for (let i = 0; i < plan.bigCount; i++) {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `big/${i}`,
            Body: bigBody(plan.bigSize),
            ContentLength: plan.bigSize,
          }),
        );
      }
      let seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      record(`PUT ${sizeMiB} MiB × ${plan.bigCount} (MiB/s)`, kind, (sizeMiB * plan.bigCount) / seconds);
      t0 = process.hrtime.bigint();
      for (let i = 0; i < plan.bigCount; i++) {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `big/${i}` }));
        if ((await drain(out.Body)) !== plan.bigSize) throw new Error('short read');
      }
      seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      record(`GET ${sizeMiB} MiB × ${plan.bigCount} (MiB/s)`, kind, (sizeMiB * plan.bigCount) / seconds);
      rss[kind] = await server.rss();
    } finally {
      s3.destroy();
      await server.stop();
    }
  }

  const goalOf = (name) =>
    /c64 lean, server CPU/.test(name)
      ? `≤ ${GOAL_CPU_US} ${rows.get(name)['local-aws'] <= GOAL_CPU_US ? 'met' : 'MISSED'}`
      : '';
  const table = [['operation', ...SERVERS, 'ratio', ...(BASELINE ? ['after / before'] : []), 'goal']];
  const ratios = (x) => [
    `${(x['local-aws'] / x.s3rver).toFixed(2)}×`,
    ...(BASELINE ? [`${(x['local-aws'] / x.before).toFixed(2)}×`] : []),
  ];
  for (const [name, x] of rows) {
    if (/c64 lean, server CPU/.test(name)) {
      const figure = `${name.replace(/ \(µs\/op\)$/, '')}${BASELINE ? ` (before: ${x.before.toFixed(0)} µs)` : ''}`;
      recordFigure({
        bench: 's3',
        figure,
        value: x['local-aws'],
        unit: 'µs/op',
        goal: { atMost: GOAL_CPU_US },
      });
    }
    table.push([name, ...SERVERS.map((s) => x[s].toFixed(1)), ...ratios(x), goalOf(name)]);
  }
  table.push(['server peak RSS (MiB)', ...SERVERS.map((s) => (rss[s] / MiB).toFixed(0)), ...ratios(rss), '']);
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r) =>
    `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(
    `\ns3: local-aws vs s3rver${quick ? ' (BENCH_QUICK)' : ''}, node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table.slice(1)) console.log(line(r));
  console.log(`client peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(
    `ratio = local-aws / s3rver${BASELINE ? '; after / before = local-aws / the build in BENCH_BASELINE_DIST' : ''}; ops/s and MiB/s are bounded by the SDK client on small hosts,`,
  );
  console.log('server CPU per op is the client-independent figure.');
}

// ---- entry ---------------------------------------------------------------------------------------

const args = process.argv.slice(2);
if (args[0] === '--serve') {
  await serve(args[1]);
} else {
  limitBenchTime('s3 bench', { quickSeconds: 300, fullSeconds: 1800 });
  const parts = { s3: benchS3 };
  const wanted = args.filter((a) => !a.startsWith('-'));
  const selected = Object.keys(parts).filter((p) => wanted.length === 0 || wanted.includes(p));
  if (selected.length === 0) console.log(`local-aws bench: no part matches ${wanted.join(' ')} (parts: s3)`);
  for (const p of selected) await parts[p](process.env.BENCH_QUICK === '1');
}
