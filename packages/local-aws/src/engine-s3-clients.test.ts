import { Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createEngineS3Clients, ENGINE_CLIENT_CACHE_SIZE, LruCache } from './engine-s3-clients.js';

describe('LruCache', () => {
  it('evicts the least recently used entry past its capacity', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (_v, k) => evicted.push(k));
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.get('b')).toBeUndefined();
    expect([...cache.values()]).toEqual([1, 3]);
  });
});

describe('engine S3 clients', () => {
  it('keeps at most a bounded number of per-Region clients and reuses a cached one', () => {
    const agent = new Agent();
    const clients = createEngineS3Clients(
      [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }],
      () => 'http://127.0.0.1:1',
      agent,
    );
    const first = clients.forJob('000000000000', 'us-east-1');
    expect(clients.forJob('000000000000', 'us-east-1')).toBe(first);
    for (let i = 0; i < 1000; i++) clients.forJob('000000000000', `xx-test-${i}`);
    expect(clients.cached).toBe(ENGINE_CLIENT_CACHE_SIZE);
    expect(clients.forJob('000000000000', 'us-east-1')).not.toBe(first);
    expect(() => clients.forJob('111111111111', 'us-east-1')).toThrow(/no credentials/);
    agent.destroy();
  });
});
