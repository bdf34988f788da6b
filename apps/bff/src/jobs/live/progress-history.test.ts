import type { ProgressSample } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { ProgressHistory, STEADY_SAMPLE_MS } from './progress-history.js';

const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms).toISOString();
const sample = (
  ms: number,
  succeeded: number,
  status: ProgressSample['status'] = 'Active',
): ProgressSample => ({
  at: at(ms),
  status,
  succeeded,
  failed: 0,
  totalTasks: 1000,
});

describe('ProgressHistory', () => {
  it('keeps a sample when progress changes, and one per steady interval otherwise', () => {
    const h = new ProgressHistory();
    h.record('j', sample(0, 0));
    h.record('j', sample(500, 0));
    h.record('j', sample(1000, 10));
    h.record('j', sample(1000 + STEADY_SAMPLE_MS, 10));
    h.record('j', sample(1000 + STEADY_SAMPLE_MS + 1, 10, 'Complete'));
    expect(h.samples('j').map((s) => [s.succeeded, s.status])).toEqual([
      [0, 'Active'],
      [10, 'Active'],
      [10, 'Active'],
      [10, 'Complete'],
    ]);
  });

  it('thins the older half when full, keeping the first and the latest samples', () => {
    const h = new ProgressHistory(10, 5);
    for (let i = 0; i < 100; i++) h.record('j', sample(i * 1000, i));
    const kept = h.samples('j').map((s) => s.succeeded);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(99);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });

  it('forgets the least recently sampled job beyond its job limit', () => {
    const h = new ProgressHistory(10, 2);
    h.record('a', sample(0, 1));
    h.record('b', sample(0, 1));
    h.record('a', sample(1000, 2));
    h.record('c', sample(0, 1));
    expect(h.size).toBe(2);
    expect(h.samples('b')).toEqual([]);
    expect(h.samples('a')).toHaveLength(2);
  });
});
