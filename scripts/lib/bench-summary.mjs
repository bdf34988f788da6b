// `npm run bench`: every package's bench in one run (pnpm -r bench), then one table of the headline
// figures they recorded (packages/local-aws/bench/figures.mjs) with each goal beside its figure.
// A bench that fails does not stop the others (--no-bail); the run's exit code still says so.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pnpm } from './shell.mjs';

const fmt = (n) =>
  n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 1000 ? 0 : Math.abs(n) >= 10 ? 1 : 2 });

function goalText({ goal, unit }) {
  if (!goal) return '';
  return goal.atLeast !== undefined ? `≥ ${fmt(goal.atLeast)} ${unit}` : `≤ ${fmt(goal.atMost)} ${unit}`;
}

/** The recorded figures as table rows: bench, figure, value, goal, met. */
export function summaryRows(lines) {
  return lines.map((f) => [
    f.bench,
    f.figure,
    `${fmt(f.value)} ${f.unit}`,
    goalText(f),
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ]);
}

function printSummary(rows, seconds) {
  const table = [['bench', 'figure', 'value', 'goal', 'result'], ...rows];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(
    `\nbench summary: every recorded figure of this run (${Math.round(seconds)} s; load average now ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table.slice(1)) console.log(line(r));
}

/** Run every bench and print the summary; resolves to the exit code. */
export function benchAll(args) {
  const dir = mkdtempSync(join(tmpdir(), 'batchops-bench-'));
  const file = join(dir, 'figures.jsonl');
  const started = Date.now();
  try {
    const code = pnpm(['-r', '--if-present', '--workspace-concurrency=1', '--no-bail', 'bench', ...args], {
      env: { ...process.env, BENCH_FIGURES: file },
    });
    let lines = [];
    try {
      lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
    } catch {
      // no bench recorded a figure
    }
    printSummary(summaryRows(lines), (Date.now() - started) / 1000);
    if (lines.some((f) => f.quick))
      console.log('BENCH_QUICK=1: shrunk runs, the goals are for the full ones.');
    if (code !== 0) console.log(`a bench failed (exit ${code}): its reason is printed above.`);
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
