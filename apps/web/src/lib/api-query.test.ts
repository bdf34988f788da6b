import { describe, expect, it } from 'vitest';
import { apiPath, withQuery } from './api-query';

describe('apiPath', () => {
  it('encodes each interpolated value and keeps the literal parts', () => {
    expect(apiPath`/api/buckets/${'my bucket'}/object/${'a/b?c'}`).toBe(
      '/api/buckets/my%20bucket/object/a%2Fb%3Fc',
    );
  });
});

describe('withQuery', () => {
  it('leaves out undefined values but keeps empty ones', () => {
    expect(withQuery('/api/x', { prefix: '', versionId: undefined, key: 'a b' })).toBe(
      '/api/x?prefix=&key=a+b',
    );
  });
  it('adds no question mark without parameters', () => {
    expect(withQuery('/api/x', { versionId: undefined })).toBe('/api/x');
  });
});
