import { describe, expect, it } from 'vitest';
import { browserHrefOf } from './s3-uri';

describe('browserHrefOf', () => {
  it.each([
    ['s3://bucket', '/buckets/bucket'],
    ['s3://bucket/', '/buckets/bucket'],
    ['s3://bucket/manifest.csv', '/buckets/bucket'],
    ['s3://bucket/reports/', '/buckets/bucket?prefix=reports%2F'],
    [
      's3://batchops-demo-source/manifests/demo-manifest.csv',
      '/buckets/batchops-demo-source?prefix=manifests%2F',
    ],
    [' s3://b/a b/c/key ', '/buckets/b?prefix=a+b%2Fc%2F'],
  ])('%s opens the browser at %s', (uri, href) => {
    expect(browserHrefOf(uri)).toBe(href);
  });

  it.each(['', 'bucket/key', 's3://', 'https://bucket/key'])('%j names no bucket', (uri) => {
    expect(browserHrefOf(uri)).toBeUndefined();
  });
});
