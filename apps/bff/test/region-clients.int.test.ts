import { readdirSync } from 'node:fs';
import { ListJobsResponse } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// Issue 8: 1,000 Region names opened ~1,900 files (each Region's clients kept their sockets).
let c: ConsoleFixture;
beforeAll(async () => {
  c = await startConsoleFixture(false);
});
afterAll(async () => {
  await c.close();
});

const openFiles = () => readdirSync('/proc/self/fd').length;
const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26));

describe('per-Region clients', () => {
  it.skipIf(process.platform !== 'linux')('stay bounded in open files over 120 Region names', async () => {
    await c.json('GET', '/api/jobs');
    const before = openFiles();
    for (let i = 0; i < 120; i++) {
      const { status, body } = await c.json('GET', `/api/jobs?region=zz-${letters(i)}-${i % 10}`);
      expect(status, JSON.stringify(body)).toBe(200);
      ListJobsResponse.parse(body);
    }
    const grown = openFiles() - before;
    console.log(`open files after 120 Region names: +${grown}`);
    // Two sockets a kept Region at most (client and local-aws side), 16 Regions kept.
    expect(grown).toBeLessThan(80);
  });

  it('answers a name that is no Region with 400', async () => {
    const { status, body } = await c.json('GET', '/api/jobs?region=evil.example');
    expect(status).toBe(400);
    expect(body.fieldErrors[0].field).toBe('region');
  });
});
