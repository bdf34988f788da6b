import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors/service-error.js';
import { parseRequestTarget } from '../http/request-target.js';
import { type Credential, verifySigV4 } from './verify-sigv4.js';

// The worked examples of the AWS SigV4 documentation for S3 (GET /test.txt on examplebucket).
const key: Credential = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  accountId: '000000000000',
};
const lookup = (id: string) => (id === key.accessKeyId ? key : undefined);
const signedAt = new Date(Date.UTC(2013, 4, 24, 0, 5, 0));
const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function headerRequest(signature: string, overrides: Record<string, string> = {}) {
  const headers: Record<string, string> = {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': emptyHash,
    'x-amz-date': '20130524T000000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=${signature}`,
    ...overrides,
  };
  return {
    method: 'GET',
    target: parseRequestTarget('/test.txt'),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('verifySigV4', () => {
  const good = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

  it('accepts the documented header-signed request and reports the scope', () => {
    const id = verifySigV4(headerRequest(good), lookup, signedAt);
    expect(id).toMatchObject({ accountId: '000000000000', region: 'us-east-1', service: 's3' });
  });

  it('refuses a changed header, a wrong signature and an unknown key with the S3 codes', () => {
    expect(codeOf(() => verifySigV4(headerRequest(good, { range: 'bytes=0-10' }), lookup, signedAt))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(codeOf(() => verifySigV4(headerRequest('0'.repeat(64)), lookup, signedAt))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(codeOf(() => verifySigV4(headerRequest(good), () => undefined, signedAt))).toBe(
      'InvalidAccessKeyId',
    );
  });

  it('refuses a request signed more than 15 minutes ago or ahead', () => {
    const later = new Date(signedAt.getTime() + 60 * 60 * 1000);
    expect(codeOf(() => verifySigV4(headerRequest(good), lookup, later))).toBe('RequestTimeTooSkewed');
    const earlier = new Date(signedAt.getTime() - 21 * 60 * 1000); // the request is dated 16 minutes ahead
    expect(codeOf(() => verifySigV4(headerRequest(good), lookup, earlier))).toBe('RequestTimeTooSkewed');
  });

  it('refuses unsigned and malformed requests', () => {
    const unsigned = headerRequest(good);
    delete unsigned.headers.authorization;
    expect(codeOf(() => verifySigV4(unsigned, lookup, signedAt))).toBe('AccessDenied');
    expect(
      codeOf(() =>
        verifySigV4(headerRequest(good, { authorization: 'AWS4-HMAC-SHA256 nonsense' }), lookup, signedAt),
      ),
    ).toBe('AuthorizationHeaderMalformed');
  });

  it('accepts the documented presigned URL until it expires', () => {
    const target = parseRequestTarget(
      '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
    const req = { method: 'GET', target, headers: { host: ['examplebucket.s3.amazonaws.com'] } };
    expect(verifySigV4(req, lookup, signedAt).accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    const twoDaysLater = new Date(signedAt.getTime() + 2 * 86400 * 1000);
    expect(codeOf(() => verifySigV4(req, lookup, twoDaysLater))).toBe('AccessDenied');
  });
});

describe('verifySigV4 limits', () => {
  const presigned = (date: string, expires: string, region = 'us-east-1') => ({
    method: 'GET',
    target: parseRequestTarget(
      `/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F${date.slice(0, 8)}%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`,
    ),
    headers: { host: ['examplebucket.s3.amazonaws.com'] },
  });

  it('refuses a presigned URL dated more than 15 minutes ahead, before checking its signature', () => {
    const e = (() => {
      try {
        verifySigV4(presigned('20130524T002100Z', '60'), lookup, signedAt);
      } catch (err) {
        return err as ServiceError;
      }
    })();
    expect(e).toMatchObject({ code: 'AccessDenied', message: 'Request is not valid yet' });
    // 14 minutes ahead is within the skew: it gets as far as the signature.
    expect(codeOf(() => verifySigV4(presigned('20130524T001900Z', '60'), lookup, signedAt))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('refuses X-Amz-Expires above 7 days', () => {
    expect(codeOf(() => verifySigV4(presigned('20130524T000000Z', '604801'), lookup, signedAt))).toBe(
      'AuthorizationQueryParametersError',
    );
  });

  it('refuses a Region that is not a region name', () => {
    expect(
      codeOf(() => verifySigV4(presigned('20130524T000000Z', '60', 'x%E2%82%AC'), lookup, signedAt)),
    ).toBe('AuthorizationQueryParametersError');
    const bad = headerRequest('0'.repeat(64), {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/region-0001x/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
    expect(codeOf(() => verifySigV4(bad, lookup, signedAt))).toBe('AuthorizationHeaderMalformed');
  });
});
