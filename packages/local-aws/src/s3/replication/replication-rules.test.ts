import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration, ReplicationRule } from '../replication-config.js';
import { applicableRules, ruleMatches } from './replication-rules.js';

const rule = (
  ID: string,
  Priority: number,
  dest: string,
  extra: Partial<ReplicationRule> = {},
): ReplicationRule => ({
  ID,
  Priority,
  Status: 'Enabled',
  Filter: {},
  Destination: { Bucket: `arn:aws:s3:::${dest}` },
  DeleteMarkerReplication: { Status: 'Disabled' },
  ...extra,
});

const cfg = (...Rules: ReplicationRule[]): ReplicationConfiguration => ({
  Role: 'arn:aws:iam::1:role/r',
  Rules,
});
const ids = (rules: ReplicationRule[]) => rules.map((r) => r.ID).sort();

describe('ruleMatches', () => {
  it('checks status, V1 prefix, V2 prefix, tag and And filters', () => {
    expect(ruleMatches(rule('a', 1, 'dst', { Status: 'Disabled' }), 'k', [])).toBe(false);
    expect(ruleMatches(rule('a', 1, 'dst', { Filter: undefined, Prefix: 'logs/' }), 'logs/x', [])).toBe(true);
    expect(ruleMatches(rule('a', 1, 'dst', { Filter: { Prefix: 'logs/' } }), 'img/x', [])).toBe(false);
    const tag = rule('a', 1, 'dst', { Filter: { Tag: { Key: 't', Value: '1' } } });
    expect(ruleMatches(tag, 'k', [{ Key: 't', Value: '1' }])).toBe(true);
    expect(ruleMatches(tag, 'k', [{ Key: 't', Value: '2' }])).toBe(false);
    expect(ruleMatches(tag, 'k', undefined)).toBe(false);
    const and = rule('a', 1, 'dst', {
      Filter: {
        And: {
          Prefix: 'p/',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
        },
      },
    });
    const both = [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ];
    expect(ruleMatches(and, 'p/x', both)).toBe(true);
    expect(ruleMatches(and, 'q/x', both)).toBe(false);
    expect(ruleMatches(and, 'p/x', both.slice(0, 1))).toBe(false);
  });
});

describe('applicableRules', () => {
  it('keeps the highest priority rule per destination and every destination', () => {
    const c = cfg(
      rule('low', 1, 'dst1'),
      rule('high', 5, 'dst1', { Filter: { Prefix: 'hot/' } }),
      rule('other', 2, 'dst2'),
      rule('off', 9, 'dst2', { Status: 'Disabled' }),
    );
    expect(ids(applicableRules(c, 'hot/x', []))).toEqual(['high', 'other']);
    expect(ids(applicableRules(c, 'cold/x', []))).toEqual(['low', 'other']);
  });

  it('sends delete markers only where the winning rule replicates them', () => {
    const c = cfg(
      rule('markers', 2, 'dst1', { DeleteMarkerReplication: { Status: 'Enabled' } }),
      rule('plain', 1, 'dst2'),
    );
    expect(ids(applicableRules(c, 'k', [], true))).toEqual(['markers']);
    expect(ids(applicableRules(c, 'k', [], false))).toEqual(['markers', 'plain']);
  });
});
