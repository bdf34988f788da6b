import { ApiError } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// Issue 8: SSE streams per client and upstream pollers overall are capped.
let c: ConsoleFixture;
beforeAll(async () => {
  c = await startConsoleFixture(false, {}, { sseLimits: { perClient: 3, pollers: 2 } });
});
afterAll(async () => {
  await c.close();
});

interface Open {
  readonly res: Response;
  close(): void;
}

async function openStream(path: string): Promise<Open> {
  const abort = new AbortController();
  const res = await c.api(path, { signal: abort.signal });
  return { res, close: () => abort.abort() };
}

/** Until the server has seen the closes (its cleanup runs on the socket's close event). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SSE limits', () => {
  it('refuses a client more streams than its share with 429, and admits it again after one closes', async () => {
    const open = [await openStream('/api/jobs/events'), await openStream('/api/jobs/events')];
    open.push(await openStream('/api/jobs/job-a-000001/events'));
    for (const s of open) expect(s.res.status).toBe(200);
    const refused = await openStream('/api/jobs/events');
    expect(refused.res.status).toBe(429);
    expect(ApiError.parse(await refused.res.json()).code).toBe('TooManyStreams');
    open.shift()?.close();
    await eventually(async () => {
      const again = await openStream('/api/jobs/events');
      if (again.res.status === 200) open.push(again);
      else await again.res.body?.cancel();
      return again.res.status === 200;
    });
    for (const s of open) s.close();
  });

  it('polls at most `pollers` subjects at once: another job gets 503, a watched one is shared', async () => {
    await eventually(async () => {
      const s = await openStream('/api/jobs/job-a-000001/events');
      s.close();
      return s.res.status === 200;
    });
    const a = await openStream('/api/jobs/job-a-000001/events');
    const b = await openStream('/api/jobs/job-b-000002/events');
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    const third = await openStream('/api/jobs/job-c-000003/events');
    expect(third.res.status).toBe(503);
    expect(ApiError.parse(await third.res.json()).code).toBe('TooManyLiveJobs');
    // A job already polled takes more listeners without another poller.
    const a2 = await openStream('/api/jobs/job-a-000001/events');
    expect(a2.res.status).toBe(200);
    a.close();
    a2.close();
    await eventually(async () => {
      const c3 = await openStream('/api/jobs/job-c-000003/events');
      c3.close();
      return c3.res.status === 200;
    });
    b.close();
  });
});
