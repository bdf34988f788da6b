import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy-document.js';
import { contextOf, evaluate, type NamedPolicy, trustsService, wildcardMatch } from './policy-evaluation.js';

// The edges policy-evaluation.test.ts leaves open (mutation testing, issue 20): every operator with
// the request's value present, multivalued keys, globs at their ends, case rules of each element.

const named = (statements: unknown[]): NamedPolicy => ({
  id: 'p',
  type: 'role',
  document: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
});
const KEY = 'aws:RequestTag/team';

/** The decision on s3:GetObject when the one Allow statement has `condition` and the request `values` for KEY. */
const holds = (condition: Record<string, unknown>, values?: string[]) =>
  evaluate([named([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }])], {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    context: contextOf({ [KEY]: values }),
  }).decision === 'allowed';

describe('condition operators with the value present', () => {
  it.each([
    ['StringEqualsIgnoreCase', 'finance', ['FINANCE'], true],
    ['StringEqualsIgnoreCase', 'finance', ['legal'], false],
    ['StringNotEqualsIgnoreCase', 'finance', ['FINANCE'], false],
    ['StringNotEqualsIgnoreCase', 'finance', ['legal'], true],
    ['StringLike', 'Fin*', ['finance'], false],
    ['StringNotLike', 'fin*', ['finance'], false],
    ['StringNotLike', 'fin*', ['legal'], true],
    ['ArnLike', 'arn:aws:s3:::B*', ['arn:aws:s3:::b1'], false],
    ['ArnNotEquals', 'arn:aws:s3:::b', ['arn:aws:s3:::b'], false],
    ['ArnNotEquals', 'arn:aws:s3:::b', ['arn:aws:s3:::c'], true],
    ['ArnNotLike', 'arn:aws:s3:::b*', ['arn:aws:s3:::b1'], false],
    ['ArnNotLike', 'arn:aws:s3:::b*', ['arn:aws:s3:::c1'], true],
    ['Bool', 'TRUE', ['true'], true],
    ['BinaryEquals', 'QmluYXJ5', ['QmluYXJ5'], true],
    ['BinaryEquals', 'QmluYXJ5', ['qmluyxj5'], false],
    ['NumericLessThan', '2', ['1.5'], true],
    ['NumericNotEquals', '5', ['5'], false],
    ['NumericNotEquals', '5', ['6'], true],
    ['NumericGreaterThanEquals', '10', ['5'], false],
    ['NumericGreaterThanEquals', '10', ['10'], true],
    ['NumericEquals', '5', ['five'], false],
    ['DateLessThan', '2026-01-02T00:00:00Z', ['2026-01-01T00:00:00Z'], true],
    ['DateLessThan', '2026-01-02T00:00:00Z', ['2026-01-03T00:00:00Z'], false],
    // Epoch seconds and ISO dates compare as the same instants.
    ['DateEquals', '2026-01-01T00:00:00Z', ['1767225600'], true],
    ['DateGreaterThan', '1767225600', ['2026-01-01T00:00:01Z'], true],
    ['DateGreaterThan', '1767225600', ['1767225600x'], false],
  ])('%s %s against %j holds: %s', (operator, policyValue, values, expected) => {
    expect(holds({ [operator]: { [KEY]: policyValue } }, values)).toBe(expected);
  });
});

describe('multivalued request keys', () => {
  it.each([
    // Without a qualifier: any value matching is enough; a negated operator needs none to match.
    ['StringEquals', ['a', 'b'], true],
    ['StringNotEquals', ['a', 'b'], false],
    ['StringNotEquals', ['b', 'c'], true],
    ['ForAnyValue:StringNotEquals', ['a', 'b'], true],
    ['ForAnyValue:StringNotEquals', ['a'], false],
    ['ForAllValues:StringNotEquals', ['b', 'c'], true],
    ['ForAllValues:StringNotEquals', ['a', 'c'], false],
  ])('%s a against %j holds: %s', (operator, values, expected) => {
    expect(holds({ [operator]: { [KEY]: 'a' } }, values)).toBe(expected);
  });

  it('treats a key with no values as absent: Null, IfExists and MissingContextValues', () => {
    expect(holds({ Null: { [KEY]: 'true' } }, [])).toBe(true);
    expect(holds({ StringEqualsIfExists: { [KEY]: 'a' } }, [])).toBe(true);
    const out = evaluate(
      [named([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { [KEY]: 'a' } } }])],
      {
        action: 's3:GetObject',
        resource: '*',
        context: contextOf({ [KEY]: [] }),
      },
    );
    expect(out.missingContextValues).toEqual([KEY]);
  });

  it('Null with both values holds either way; contextOf leaves undefined keys out', () => {
    expect(holds({ Null: { [KEY]: ['true', 'false'] } }, ['x'])).toBe(true);
    expect(holds({ Null: { [KEY]: ['true', 'false'] } })).toBe(true);
    expect([...contextOf({ a: undefined, B: 'x' }).keys()]).toEqual(['b']);
  });
});

describe('Action, Resource and their Not forms: case', () => {
  const decide = (statement: Record<string, unknown>, action: string, resource: string) =>
    evaluate([named([{ Effect: 'Allow', ...statement }])], { action, resource, context: contextOf({}) })
      .decision;

  it('NotAction compares without case; Resource and NotResource with it', () => {
    expect(decide({ NotAction: 'S3:GetObject', Resource: '*' }, 's3:getobject', '*')).toBe('implicitDeny');
    expect(
      decide({ Action: '*', Resource: 'arn:aws:s3:::Bucket/K' }, 's3:GetObject', 'arn:aws:s3:::bucket/k'),
    ).toBe('implicitDeny');
    expect(
      decide({ Action: '*', NotResource: 'arn:aws:s3:::Bucket/K' }, 's3:GetObject', 'arn:aws:s3:::bucket/k'),
    ).toBe('allowed');
    expect(decide({ Action: '*', NotResource: 'arn:aws:s3:::B*' }, 's3:GetObject', 'arn:aws:s3:::b1')).toBe(
      'allowed',
    );
  });

  it('skips statements whose Principal does not name the caller, and an implicit deny names none', () => {
    const out = evaluate([named([{ Effect: 'Allow', Action: '*', Resource: '*' }])], {
      action: 's3:GetObject',
      resource: '*',
      context: contextOf({}),
      principal: () => false,
    });
    expect(out).toEqual({ decision: 'implicitDeny', matched: [], missingContextValues: [] });
  });
});

describe('wildcardMatch at its ends', () => {
  it('matches only to the end of both the pattern and the value', () => {
    const matches = { abc: 'abc', 'a*': 'a', 'a**': 'a', '*': '', '*ab': 'aab' };
    const misses = { abc: 'abd', 'a*b': 'a', 'a?': 'bc', '?x': 'bax', 'a?c': 'ac', 'ab*': 'a' };
    for (const [p, v] of Object.entries(matches))
      expect(wildcardMatch(p, v, false), `${p} ~ ${v}`).toBe(true);
    for (const [p, v] of Object.entries(misses))
      expect(wildcardMatch(p, v, false), `${p} ~ ${v}`).toBe(false);
  });

  it('ignores case only when asked, wildcards or not', () => {
    expect(wildcardMatch('S3:Get*', 's3:getobject', true)).toBe(true);
    expect(wildcardMatch('s3:get*', 'S3:GETOBJECT', true)).toBe(true);
    expect(wildcardMatch('S3:Get*', 's3:getobject', false)).toBe(false);
    expect(wildcardMatch('ABC', 'abc', true)).toBe(true);
  });
});

describe('trust policies: a Deny that does not apply', () => {
  it('leaves the service untrusted when nothing allows it', () => {
    const svc = 'batchoperations.s3.amazonaws.com';
    const trust = parsePolicy(
      JSON.stringify({
        Statement: [
          { Effect: 'Deny', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      'trust',
    );
    expect(trustsService(trust, svc, contextOf({}))).toBe(false);
  });
});
