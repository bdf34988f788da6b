#!/usr/bin/env node
// Throughput and memory of the CSV manifest reader over a manifest generated on the fly
// (never written to disk nor held in memory). Needs the built engine: `pnpm --filter @batchops/engine build`.
// BENCH_QUICK=1 reads 1,000,000 rows instead of 10,000,000.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readCsvManifest } from '@batchops/batch-formats';
import { recordFigure } from '../../local-aws/bench/figures.mjs';
import { limitBenchTime } from '../../local-aws/bench/time-limit.mjs';

limitBenchTime('manifest bench', { quickSeconds: 300, fullSeconds: 900 });

const ROWS = process.env.BENCH_QUICK === '1' ? 1_000_000 : 10_000_000;
const CHUNK = 1 << 20;
const GOAL_ROWS_PER_S = 1_000_000;
const GOAL_RSS_MB = 200;

const ROW = 'batchops-demo-source,data/2024/part-0000000/object-0000000000.json\n';
const ROW_BYTES = ROW.length;
const PART_AT = ROW.indexOf('part-') + 5;
const OBJECT_AT = ROW.indexOf('object-') + 7;
const PART_ROWS = 1000;

function writeDigits(buf, at, width, n) {
  for (let i = at + width - 1; i >= at; i--) {
    buf[i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
}

// Hot loops live in plain functions: V8 optimises a generator's own loop late, if ever.
function patchBlock(block, digits, part) {
  writeDigits(digits, 0, 7, part);
  writeDigits(digits, 7, 7, part);
  for (let at = 0; at < block.length; at += ROW_BYTES) {
    for (let d = 0; d < 7; d++) {
      block[at + PART_AT + d] = digits[d];
      block[at + OBJECT_AT + d] = digits[7 + d];
    }
  }
}

function countNewlines(chunk) {
  let lines = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  return lines;
}

/**
 * Rows like `batchops-demo-source,data/2024/part-0001234/object-0001234567.json`, in 1 MiB chunks that
 * split rows. A part's 1,000 rows differ only in the object number's last three digits, so a block of
 * them is patched per part rather than formatted per row: the generator must stay far faster than the reader.
 */
async function* manifest(rows) {
  const block = Buffer.alloc(PART_ROWS * ROW_BYTES);
  for (let r = 0; r < PART_ROWS; r++) {
    block.write(ROW, r * ROW_BYTES, 'latin1');
    writeDigits(block, r * ROW_BYTES + OBJECT_AT + 7, 3, r);
  }
  const digits = Buffer.alloc(14);
  const stage = Buffer.allocUnsafe(CHUNK + block.length);
  let fill = 0;
  for (let first = 0; first < rows; first += PART_ROWS) {
    patchBlock(block, digits, first / PART_ROWS);
    const n = Math.min(PART_ROWS, rows - first) * ROW_BYTES;
    fill += block.copy(stage, fill, 0, n);
    while (fill >= CHUNK) {
      yield Buffer.from(stage.subarray(0, CHUNK));
      stage.copy(stage, 0, CHUNK, fill);
      fill -= CHUNK;
      // A real stream returns to the event loop between chunks; it also lets the RSS sampler run.
      await nextTurn();
    }
  }
  if (fill > 0) yield Buffer.from(stage.subarray(0, fill));
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

async function timed(label, fn) {
  peakRss = 0;
  sample();
  const sampler = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  const count = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  sample();
  const rate = count / seconds;
  console.log(
    `${label.padEnd(28)} ${count.toLocaleString('en-US').padStart(12)} rows  ${seconds.toFixed(2).padStart(6)} s  ` +
      `${Math.round(rate).toLocaleString('en-US').padStart(11)} rows/s  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
  return { seconds, rate, peakMb: peakRss / 2 ** 20 };
}

console.log(
  `manifest bench: ${ROWS.toLocaleString('en-US')} rows of ${ROW_BYTES} bytes, ${CHUNK >> 20} MiB chunks`,
);

// Warm the JIT on both paths first so neither timed pass pays for compilation.
for await (const chunk of manifest(200_000)) countNewlines(chunk);
for await (const batch of readCsvManifest(manifest(200_000), {})) batch.length;

const baseline = await timed('count newlines (baseline)', async () => {
  let lines = 0;
  for await (const chunk of manifest(ROWS)) lines += countNewlines(chunk);
  return lines;
});

const reader = await timed('readCsvManifest', async () => {
  let rows = 0;
  let last;
  for await (const batch of readCsvManifest(manifest(ROWS), {})) {
    rows += batch.length;
    last = batch[batch.length - 1];
  }
  const expected = `data/2024/part-${String(Math.floor((ROWS - 1) / 1000)).padStart(7, '0')}/object-${String(ROWS - 1).padStart(10, '0')}.json`;
  if (last?.key !== expected) throw new Error(`last key ${last?.key}, expected ${expected}`);
  return rows;
});

const parseSeconds = reader.seconds - baseline.seconds;
console.log(
  parseSeconds > 0.05
    ? `parsing alone (reader minus baseline): ${Math.round(ROWS / parseSeconds).toLocaleString('en-US')} rows/s`
    : 'parsing alone (reader minus baseline): within noise of the baseline',
);
recordFigure({
  bench: 'engine',
  figure: 'CSV manifest read',
  value: reader.rate,
  unit: 'rows/s',
  goal: { atLeast: GOAL_ROWS_PER_S },
});
recordFigure({
  bench: 'engine',
  figure: 'CSV manifest read: peak RSS of the bench process',
  value: reader.peakMb,
  unit: 'MB',
  goal: { atMost: GOAL_RSS_MB },
});
// A bench prints figures; it does not fail the run (noisy neighbours move them).
console.log(
  `goals: >= ${GOAL_ROWS_PER_S.toLocaleString('en-US')} rows/s ${reader.rate >= GOAL_ROWS_PER_S ? 'met' : 'MISSED'}, ` +
    `< ${GOAL_RSS_MB} MB RSS ${reader.peakMb < GOAL_RSS_MB ? 'met' : 'MISSED'}`,
);
