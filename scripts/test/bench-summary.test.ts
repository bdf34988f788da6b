import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench helpers are plain JavaScript (no types), run by Node as they are.
import { recordFigure } from '../../packages/local-aws/bench/figures.mjs';
// @ts-expect-error: the bootstrap is plain JavaScript (no types), run by Node as it is.
import { summaryRows } from '../lib/bench-summary.mjs';

describe("npm run bench's summary of every bench's figures", () => {
  let dir = '';
  const saved = { figures: process.env.BENCH_FIGURES, quick: process.env.BENCH_QUICK };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-figures-'));
    process.env.BENCH_FIGURES = join(dir, 'figures.jsonl');
    delete process.env.BENCH_QUICK;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of [
      ['BENCH_FIGURES', saved.figures],
      ['BENCH_QUICK', saved.quick],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const recorded = () =>
    readFileSync(join(dir, 'figures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it('judges each figure against its goal, on the side the goal names, and shows it beside the value', () => {
    recordFigure({ bench: 's3', figure: 'GET', value: 138.4, unit: 'µs/op', goal: { atMost: 200 } });
    recordFigure({ bench: 's3', figure: 'PUT', value: 200.5, unit: 'µs/op', goal: { atMost: 200 } });
    recordFigure({ bench: 'engine', figure: 'job ÷ loop', value: 1, unit: '×', goal: { atLeast: 1 } });
    recordFigure({ bench: 'engine', figure: 'job ÷ loop', value: 0.99, unit: '×', goal: { atLeast: 1 } });
    recordFigure({ bench: 'lambda', figure: 'tasks/s', value: 1234.6, unit: 'tasks/s' });
    expect(summaryRows(recorded())).toEqual([
      ['s3', 'GET', '138.4 µs/op', '≤ 200 µs/op', 'met'],
      ['s3', 'PUT', '200.5 µs/op', '≤ 200 µs/op', 'MISSED'],
      ['engine', 'job ÷ loop', '1 ×', '≥ 1 ×', 'met'],
      ['engine', 'job ÷ loop', '0.99 ×', '≥ 1 ×', 'MISSED'],
      ['lambda', 'tasks/s', '1,235 tasks/s', '', ''],
    ]);
  });

  it('marks figures of a BENCH_QUICK run, and records nothing for a bench run on its own', () => {
    process.env.BENCH_QUICK = '1';
    recordFigure({ bench: 'web', figure: 'job list', value: 448.1, unit: 'KB', goal: { atMost: 450 } });
    expect(recorded()[0]).toMatchObject({ quick: true, met: true });
    delete process.env.BENCH_FIGURES;
    recordFigure({ bench: 'web', figure: 'again', value: 1, unit: 'KB' });
    expect(recorded()).toHaveLength(1);
  });
});
