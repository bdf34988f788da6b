import { describe, expect, it } from 'vitest';
import { bucketArn, bucketOfArn, jobArn, objectArn, parseObjectArn } from './arn.js';
import { etagsMatch, normalizeEtag, quoteEtag } from './etag.js';

describe('ARNs', () => {
  it('builds bucket, object and job ARNs', () => {
    expect(bucketArn('rep')).toBe('arn:aws:s3:::rep');
    expect(objectArn('man', 'dir/manifest.csv')).toBe('arn:aws:s3:::man/dir/manifest.csv');
    expect(jobArn('eu-west-1', '000000000000', 'j1')).toBe('arn:aws:s3:eu-west-1:000000000000:job/j1');
    expect(bucketArn('b', 'aws-cn')).toBe('arn:aws-cn:s3:::b');
  });

  it('reads bucket and key of an object ARN, keys with slashes included', () => {
    expect(parseObjectArn('arn:aws:s3:::man/a/b/c.csv')).toEqual({ bucket: 'man', key: 'a/b/c.csv' });
    expect(parseObjectArn(objectArn('x', 'y z'))).toEqual({ bucket: 'x', key: 'y z' });
    expect(parseObjectArn('arn:aws:s3:::bucket-only')).toBeUndefined();
    expect(parseObjectArn('s3://man/k')).toBeUndefined();
  });

  it('reads the bucket of a bucket ARN or access point ARN, and keeps a bare name', () => {
    expect(bucketOfArn('arn:aws:s3:::rep')).toBe('rep');
    expect(bucketOfArn('arn:aws:s3:us-east-1:000000000000:accesspoint/ap')).toBe('ap');
    expect(bucketOfArn('rep')).toBe('rep');
  });
});

describe('ETags', () => {
  it('strips quotes and a weak mark, and matches quoted with bare', () => {
    expect(normalizeEtag('"60e4"')).toBe('60e4');
    expect(normalizeEtag('W/"60e4"')).toBe('60e4');
    expect(normalizeEtag('60e4')).toBe('60e4');
    expect(normalizeEtag(undefined)).toBeUndefined();
    expect(quoteEtag('60e4')).toBe('"60e4"');
    expect(quoteEtag('"60e4"')).toBe('"60e4"');
    expect(etagsMatch('"60e4"', '60e4')).toBe(true);
    expect(etagsMatch('60e4', '60e5')).toBe(false);
    expect(etagsMatch(undefined, '60e4')).toBe(false);
  });
});
