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

describe('ruleMatches: V2 filters', () => {
  const t1 = { Key: 't', Value: '1' };
  const u1 = { Key: 'u', Value: '1' };
  const tagOnly = { Status: 'Enabled', Filter: { Tag: t1 } };
  const bothTags = { Status: 'Enabled', Filter: { And: { Tags: [t1, u1] } } };

  it.each([
    ['an empty Filter covers every key', { Status: 'Enabled', Filter: {} }, 'any/key', [], true],
    ['a Tag filter without a prefix covers any key with the tag', tagOnly, 'any/key', [t1], true],
    ['a Tag filter refuses an object without the tag', tagOnly, 'any/key', [], false],
    ['a Tag filter refuses an object whose tags are unknown', tagOnly, 'any/key', undefined, false],
    ['a tag matches by key and value, not by value alone', tagOnly, 'k', [{ Key: 'x', Value: '1' }], false],
    ['the matching tag may sit among others', tagOnly, 'k', [{ Key: 'x', Value: '2' }, t1], true],
    ['And with two tags needs both', bothTags, 'k', [t1], false],
    ['And with two tags covers an object with both', bothTags, 'k', [u1, t1], true],
  ] as const)('%s', (_what, rule, key, tags, expected) => {
    expect(ruleMatches(rule, key, tags)).toBe(expected);
  });
});
