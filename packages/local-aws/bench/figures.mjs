// Headline figures for the summary `npm run bench` prints at its end (scripts/lib/bench-summary.mjs):
// each bench still prints its own tables; it also records the figures issue 22 names here, with their
// goals, so one run ends with every figure and its goal side by side. Without BENCH_FIGURES (a bench
// run on its own) recording does nothing.
import { appendFileSync } from 'node:fs';

/**
 * Record one figure. `goal` is a comparison against the value: `{ atLeast: n }` or `{ atMost: n }`;
 * leave it out for a figure shown for context only.
 * @param {{ bench: string, figure: string, value: number, unit: string, goal?: { atLeast?: number, atMost?: number } }} f
 */
export function recordFigure(f) {
  const file = process.env.BENCH_FIGURES;
  if (!file) return;
  const { goal } = f;
  const met =
    goal === undefined
      ? undefined
      : goal.atLeast !== undefined
        ? f.value >= goal.atLeast
        : f.value <= goal.atMost;
  appendFileSync(file, `${JSON.stringify({ ...f, met, quick: process.env.BENCH_QUICK === '1' })}\n`);
}
