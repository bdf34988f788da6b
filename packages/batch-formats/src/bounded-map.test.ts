import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded-map.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapBounded', () => {
  it('keeps at most `limit` calls in flight and answers in the items order', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapBounded([30, 5, 20, 1, 10, 2, 15], 3, async (ms, i) => {
      peak = Math.max(peak, ++inFlight);
      await tick(ms);
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(peak).toBe(3);
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2', '6:15']);
  });

  it('gives a free slot the next item at once, not after the slowest of a batch', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    await mapBounded([60, 5, 5, 5], 2, async (ms, i) => {
      started[i] = Date.now() - t0;
      await tick(ms);
    });
    // Items 2 and 3 start while item 0 (60 ms) still runs.
    expect(started[3]).toBeLessThan(40);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const seen: number[] = [];
    const run = mapBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      seen.push(n);
      await tick(5);
      if (n === 2) throw new Error('boom 2');
      return n;
    });
    await expect(run).rejects.toThrow('boom 2');
    expect(seen.length).toBeLessThan(6);
  });

  it('answers an empty list with an empty list', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
