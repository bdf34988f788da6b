import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressSample } from '@batchops/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressHistory, STEADY_SAMPLE_MS } from './progress-history.js';

const R = 'us-east-1';
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

const open: ProgressHistory[] = [];
const history = (options: ConstructorParameters<typeof ProgressHistory>[0] = {}) => {
  const h = new ProgressHistory(options);
  open.push(h);
  return h;
};
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

describe('ProgressHistory', () => {
  it('keeps a sample when progress changes, and one per steady interval otherwise', () => {
    const h = history();
    h.record(R, 'j', sample(0, 0));
    h.record(R, 'j', sample(500, 0));
    h.record(R, 'j', sample(1000, 10));
    h.record(R, 'j', sample(1000 + STEADY_SAMPLE_MS, 10));
    h.record(R, 'j', sample(1000 + STEADY_SAMPLE_MS + 1, 10, 'Complete'));
    h.record(R, 'j', sample(1000 + 9 * STEADY_SAMPLE_MS, 10, 'Complete'));
    expect(h.samples(R, 'j').map((s) => [s.succeeded, s.status])).toEqual([
      [0, 'Active'],
      [10, 'Active'],
      [10, 'Active'],
      [10, 'Complete'],
    ]);
  });

  it('starts no history for a job first seen ended (the list re-reads 90 days of them)', () => {
    const h = history();
    h.record(R, 'old', sample(0, 10, 'Complete'));
    expect(h.samples(R, 'old')).toEqual([]);
    expect(h.size).toBe(0);
  });

  it('thins the older half when full, keeping the first and the latest samples', () => {
    const h = history({ maxSamples: 10, maxJobs: 5 });
    for (let i = 0; i < 100; i++) h.record(R, 'j', sample(i * 1000, i));
    const kept = h.samples(R, 'j').map((s) => s.succeeded);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(99);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });

  it('forgets the least recently sampled job beyond its job limit', () => {
    const h = history({ maxSamples: 10, maxJobs: 2 });
    h.record(R, 'a', sample(0, 1));
    h.record(R, 'b', sample(0, 1));
    h.record(R, 'a', sample(1000, 2));
    h.record(R, 'c', sample(0, 1));
    expect(h.size).toBe(2);
    expect(h.samples(R, 'b')).toEqual([]);
    expect(h.samples(R, 'a')).toHaveLength(2);
  });

  it('keeps Regions apart and reads a Region in bulk from a time on', () => {
    const h = history();
    h.record(R, 'a', sample(0, 1));
    h.record(R, 'a', sample(60_000, 2));
    h.record('eu-west-1', 'b', sample(60_000, 5));
    expect(h.samplesSince(R, Date.parse(at(30_000))).map((s) => [s.jobId, s.succeeded])).toEqual([['a', 2]]);
    expect(h.samples('eu-west-1', 'a')).toEqual([]);
  });

  it('survives a restart: a new store on the same file has the samples and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    try {
      const file = join(dir, 'progress.sqlite');
      const first = new ProgressHistory({ file });
      first.record(R, 'j', sample(0, 0));
      first.record(R, 'j', sample(1000, 10));
      first.close();
      const second = history({ file });
      expect(second.samples(R, 'j').map((s) => s.succeeded)).toEqual([0, 10]);
      second.record(R, 'j', sample(1500, 10));
      second.record(R, 'j', sample(2000, 20));
      expect(second.samples(R, 'j').map((s) => s.succeeded)).toEqual([0, 10, 20]);
    } finally {
      for (const h of open.splice(0)) h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
