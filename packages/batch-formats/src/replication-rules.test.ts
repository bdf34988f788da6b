import { describe, expect, it } from 'vitest';
import { ruleMatches } from './replication-rules.js';

describe('ruleMatches', () => {
  const tagged = { Status: 'Enabled', Filter: { And: { Prefix: 'p/', Tags: [{ Key: 't', Value: '1' }] } } };

  it('reads V1 Prefix and V2 Filter; a disabled rule covers nothing', () => {
    expect(ruleMatches({ Status: 'Enabled', Prefix: 'logs/' }, 'logs/a', [])).toBe(true);
    expect(ruleMatches({ Status: 'Disabled' }, 'logs/a', [])).toBe(false);
    expect(ruleMatches(tagged, 'p/a', [{ Key: 't', Value: '1' }])).toBe(true);
    expect(ruleMatches(tagged, 'p/a', [{ Key: 't', Value: '2' }])).toBe(false);
  });

  it('asks for lazy tags only when the prefix matches and the filter names tags', async () => {
    let asked = 0;
    const tags = async () => {
      asked++;
      return [{ Key: 't', Value: '1' }];
    };
    expect(ruleMatches(tagged, 'q/a', tags)).toBe(false);
    expect(ruleMatches({ Status: 'Enabled', Filter: { Prefix: 'p/' } }, 'p/a', tags)).toBe(true);
    expect(asked).toBe(0);
    await expect(ruleMatches(tagged, 'p/a', tags)).resolves.toBe(true);
    expect(asked).toBe(1);
  });
});
