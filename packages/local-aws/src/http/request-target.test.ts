import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-target.js';

describe('parseRequestTarget', () => {
  it('cuts the scheme and the account-prefixed authority off an absolute-form target', () => {
    const t = parseRequestTarget(
      'http://000000000000.127.0.0.1:4566/v20180820/jobs?maxResults=5&jobStatuses=Active&jobStatuses=Failed',
    );
    expect(t.rawPath).toBe('/v20180820/jobs');
    expect(t.query.get('jobStatuses')).toEqual(['Active', 'Failed']);
    expect(t.query.get('maxResults')).toEqual(['5']);
  });

  it('keeps the raw path encoded and does not treat + as a space in the query', () => {
    const t = parseRequestTarget('/bucket/a%20b%2Bc.txt?prefix=a+b%2F');
    expect(t.rawPath).toBe('/bucket/a%20b%2Bc.txt');
    expect(t.query.get('prefix')).toEqual(['a+b/']);
  });

  it('turns a target without a path into /', () => {
    expect(parseRequestTarget('http://localhost:4566').rawPath).toBe('/');
    expect(parseRequestTarget('http://localhost:4566?x=1').rawQuery).toBe('x=1');
  });
});
