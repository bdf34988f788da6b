import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz-runner.js';
import { seededRandom } from './seeded-random.js';
import { zipOf } from './zip-writer.js';

describe('seededRandom', () => {
  it('repeats a seed and differs across seeds, in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('zipOf', () => {
  it('writes local headers, a central directory and an end record that count the files', () => {
    const zip = zipOf([
      { name: 'a.txt', data: 'stored' },
      { name: 'b.js', data: 'deflated body', deflate: true },
    ]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const end = zip.subarray(zip.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(2);
    // The second entry's body, found through the central directory, inflates to what was written.
    const cd = end.readUInt32LE(16);
    const second = zip.subarray(cd + 46 + 'a.txt'.length);
    const offset = second.readUInt32LE(42);
    const size = zip.readUInt32LE(offset + 18);
    const body = zip.subarray(offset + 30 + 'b.js'.length, offset + 30 + 'b.js'.length + size);
    expect(inflateRawSync(body).toString()).toBe('deflated body');
  });
});

describe('runFuzz', () => {
  it('sends every request, tallies outcomes and lists the bad ones and the throws', async () => {
    let n = 0;
    const result = await runFuzz({
      requests: 30,
      concurrency: 4,
      next: () => ++n,
      probe: async (i) => {
        if (i === 5) throw new Error('refused');
        return i % 10 === 0 ? { tally: 'ten', bad: `bad ${i}` } : { tally: 'ok' };
      },
      label: (i) => `request ${i}`,
    });
    expect(result.sent).toBe(30);
    expect([...result.bad].sort()).toEqual(['bad 10', 'bad 20', 'bad 30', 'request 5: refused']);
    expect(result.summary).toBe('  26\tok\n  3\tten');
  });
});
