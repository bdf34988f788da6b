// Scale: listing a bucket of 1,000,000 keys pages with bounded memory; a 1 GiB PUT/GET streams.
// Prints figures (time, throughput, peak RSS); it asserts nothing. BENCH_QUICK=1 shrinks it.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { startLocalAws } from '../dist/index.js';
import { seedObjectRowsApart } from './seed-objects.mjs';
import { limitBenchTime } from './time-limit.mjs';

limitBenchTime('scale bench', { quickSeconds: 300, fullSeconds: 1800 });

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const quick = process.env.BENCH_QUICK === '1';
const KEYS = quick ? 100_000 : 1_000_000;
const BIG = (quick ? 256 : 1024) * 1024 * 1024;
const MiB = 1024 * 1024;

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const resetPeak = () => {
  peak = process.memoryUsage().rss;
};
const mb = (b) => `${(b / MiB).toFixed(0)} MB`;

const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-scale-'));
const rows = [];

// Fill the metadata store directly (in a child process): a million PUTs over HTTP would measure PUT, not listing.
{
  const seconds = seedObjectRowsApart(dataDir, {
    bucket: 'big',
    count: KEYS,
    keySql: `printf('p%04d/k%08d', i % 1000, i)`,
  });
  rows.push(['seed metadata rows', `${KEYS.toLocaleString()} in ${seconds.toFixed(1)} s`, '']);
}

const aws = await startLocalAws({ port: 0, dataDir });
const client = new S3Client({
  region: 'us-east-1',
  endpoint: aws.url,
  forcePathStyle: true,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 8 }) },
});

{
  resetPeak();
  const t0 = performance.now();
  let n = 0;
  let pages = 0;
  const rssAt = [];
  for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket: 'big' })) {
    n += page.KeyCount ?? 0;
    pages++;
    if (pages % Math.max(1, Math.floor(KEYS / 1000 / 4)) === 0) rssAt.push(mb(process.memoryUsage().rss));
  }
  rows.push(['  RSS at 25/50/75/100% of the listing', rssAt.join(' / '), '']);
  const s = (performance.now() - t0) / 1000;
  rows.push([
    `ListObjectsV2, all ${n.toLocaleString()} keys`,
    `${pages} pages in ${s.toFixed(1)} s (${Math.round(n / s).toLocaleString()} keys/s)`,
    mb(peak),
  ]);
}
{
  resetPeak();
  const t0 = performance.now();
  let prefixes = 0;
  for await (const page of paginateListObjectsV2(
    { client, pageSize: 1000 },
    { Bucket: 'big', Delimiter: '/' },
  )) {
    prefixes += page.CommonPrefixes?.length ?? 0;
  }
  rows.push([
    `ListObjectsV2 delimiter '/'`,
    `${prefixes} prefixes in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    mb(peak),
  ]);
}
{
  const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
  await client.send(new CreateBucketCommand({ Bucket: 'huge' }));
  const chunk = Buffer.alloc(MiB, 7);
  const body = Readable.from(
    (function* () {
      for (let sent = 0; sent < BIG; sent += MiB) yield chunk;
    })(),
  );
  resetPeak();
  let t0 = performance.now();
  await client.send(new PutObjectCommand({ Bucket: 'huge', Key: 'blob', Body: body, ContentLength: BIG }));
  let s = (performance.now() - t0) / 1000;
  rows.push([`PUT ${mb(BIG)} (streamed)`, `${(BIG / MiB / s).toFixed(0)} MiB/s`, mb(peak)]);
  resetPeak();
  t0 = performance.now();
  const out = await client.send(new GetObjectCommand({ Bucket: 'huge', Key: 'blob' }));
  let got = 0;
  for await (const c of out.Body) got += c.length;
  s = (performance.now() - t0) / 1000;
  rows.push([`GET ${mb(got)} (streamed)`, `${(got / MiB / s).toFixed(0)} MiB/s`, mb(peak)]);
}

clearInterval(sampler);
await aws.close();
rmSync(dataDir, { recursive: true, force: true });
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\nlocal-aws scale (client and server in one process; RSS is the process peak during the step)`);
console.log(`${'step'.padEnd(w[0])}  ${'result'.padEnd(w[1])}  peak RSS`);
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`);
