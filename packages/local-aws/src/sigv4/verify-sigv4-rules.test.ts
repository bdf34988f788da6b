import { describe, expect, it } from 'vitest';
import { type RawRequest, sign } from '../../test/support/signed-http.js';
import { ServiceError } from '../errors/service-error.js';
import { parseRequestTarget } from '../http/request-target.js';
import { type Credential, rfc3986, type SigV4Request, verifySigV4 } from './verify-sigv4.js';

// The rules of SigV4 verification one at a time, on requests signed by the tests' own signer
// (test/support/signed-http.ts, written apart from src/sigv4), so each rule is the only thing wrong.

const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const root: Credential = { accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' };
const lookup = (id: string) => (id === 'test' ? root : undefined);

function request(r: Partial<RawRequest> & { extra?: Record<string, string> } = {}): SigV4Request {
  const signed = sign('http://local.test', { method: 'GET', path: '/b/k', date: at, ...r });
  const headers = { ...signed.headers, ...r.extra };
  return {
    method: r.method ?? 'GET',
    target: parseRequestTarget(signed.path),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
  };
}

/** The error verifySigV4 throws (code and message), or 'accepted'. */
function outcome(req: SigV4Request, now = at, key = lookup, bodyHash?: string) {
  try {
    verifySigV4(req, key, now, bodyHash);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    return `${e.status} ${e.code}: ${e.message}`;
  }
}

const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe('verifySigV4 rules', () => {
  it('accepts a well-signed request and names who signed it, where and with what', () => {
    const req = request({ query: { 'list-type': '2', prefix: "a b!'()*" } });
    const id = verifySigV4(req, lookup, at);
    expect(id).toMatchObject({
      accessKeyId: 'test',
      accountId: '000000000000',
      principal: { kind: 'root', accountId: '000000000000', arn: 'arn:aws:iam::000000000000:root' },
      region: 'us-east-1',
      service: 's3',
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(id.chunkSigning).toMatchObject({
      amzDate: '20260102T030405Z',
      scope: '20260102/us-east-1/s3/aws4_request',
    });
    expect(id.chunkSigning.seedSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(rfc3986("a b!'()*")).toBe('a%20b%21%27%28%29%2A');
  });

  it.each([
    [
      'SignedHeaders without host',
      request({ signedHeaders: ['x-amz-content-sha256', 'x-amz-date'] }),
      'SignatureDoesNotMatch',
    ],
    [
      'an X-Amz-Date on another day than the credential scope',
      request({ scopeDate: '20260101' }),
      'AccessDenied: X-Amz-Date is malformed or does not match the credential scope date.',
    ],
    [
      'an x-amz-* header that is not signed',
      request({ extra: { 'x-amz-acl': 'public-read' } }),
      'AccessDenied: There were headers present',
    ],
    [
      'a signed header that is not sent',
      request({ signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'] }),
      'SignatureDoesNotMatch',
    ],
    ['no x-amz-date', request({ extra: { 'x-amz-date': '' } }), 'AccessDenied'],
    [
      'a Signature Version 2 header',
      request({ extra: { authorization: 'AWS test:abc=' } }),
      '400 InvalidRequest: Signature Version 2',
    ],
    [
      'a credential of four parts',
      request({
        extra: {
          authorization: `AWS4-HMAC-SHA256 Credential=test/20260102/us-east-1/s3, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
        },
      }),
      '400 AuthorizationHeaderMalformed',
    ],
    [
      'a credential not ending in aws4_request',
      request({
        extra: {
          authorization: `AWS4-HMAC-SHA256 Credential=test/20260102/us-east-1/s3/aws5_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
        },
      }),
      '400 AuthorizationHeaderMalformed',
    ],
    ['an unknown key', request({ accessKeyId: 'nobody' }), '403 InvalidAccessKeyId'],
    ['another secret', request({ secret: 'other' }), '403 SignatureDoesNotMatch'],
  ])('refuses %s', (_what, req, expected) => {
    expect(outcome(req)).toContain(expected);
  });

  it('allows 15 minutes of skew either way, not a second more', () => {
    const req = request();
    expect([minutes(15), minutes(-15)].map((now) => outcome(req, now))).toEqual(['accepted', 'accepted']);
    const late = new Date(minutes(15).getTime() + 1000);
    const early = new Date(minutes(-15).getTime() - 1000);
    expect(outcome(req, late)).toContain('403 RequestTimeTooSkewed');
    expect(outcome(req, early)).toContain('403 RequestTimeTooSkewed');
  });

  it('holds a presigned URL valid from its date to its expiry, to the second', () => {
    const url = request({ presign: 60 });
    expect(outcome(url, new Date(at.getTime() + 60_000))).toBe('accepted');
    expect(outcome(url, new Date(at.getTime() + 60_001))).toContain('403 AccessDenied: Request has expired');
    expect(outcome(url, minutes(-15))).toBe('accepted');
    expect(outcome(url, new Date(minutes(-15).getTime() - 1000))).toContain('Request is not valid yet');
    // Its x-amz-content-sha256 header needs no signature: it is the payload hash of the canonical request.
    const withHash = request({ presign: 60, extra: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(outcome(withHash)).toBe('accepted');
  });

  it.each([
    [
      'an algorithm other than AWS4-HMAC-SHA256',
      ['X-Amz-Algorithm', 'AWS4-HMAC-SHA1'],
      'X-Amz-Algorithm only supports',
    ],
    [
      'no X-Amz-Credential',
      ['X-Amz-Credential', undefined],
      'Query-string authentication requires X-Amz-Credential.',
    ],
    ['X-Amz-Expires 0', ['X-Amz-Expires', '0'], 'X-Amz-Expires must be a whole number'],
    ['X-Amz-Expires not a number', ['X-Amz-Expires', '6e1'], 'X-Amz-Expires must be a whole number'],
    ['X-Amz-Expires above 7 days', ['X-Amz-Expires', '604801'], 'X-Amz-Expires must be a whole number'],
  ] as const)('refuses a presigned URL with %s', (_what, [name, value], expected) => {
    const url = request({ presign: 60 });
    const query = new URLSearchParams(url.target.rawQuery);
    if (value === undefined) query.delete(name);
    else query.set(name, value);
    const changed = { ...url, target: parseRequestTarget(`/b/k?${query.toString()}`) };
    expect(outcome(changed)).toContain(`400 AuthorizationQueryParametersError: ${expected}`);
  });

  it('accepts X-Amz-Expires of exactly 7 days', () => {
    expect(outcome(request({ presign: 604800 }))).toBe('accepted');
  });

  it('checks a session key against its token', () => {
    const session: Credential = { ...root, sessionToken: 'token-1' };
    const key = () => session;
    expect(outcome(request(), at, key)).toContain('403 InvalidAccessKeyId');
    expect(outcome(request({ headers: { 'x-amz-security-token': 'token-2' } }), at, key)).toContain(
      '400 InvalidToken',
    );
    expect(outcome(request({ headers: { 'x-amz-security-token': 'token-1' } }), at, key)).toBe('accepted');
    expect(outcome(request({ presign: 60, query: { 'X-Amz-Security-Token': 'token-1' } }), at, key)).toBe(
      'accepted',
    );
  });

  it('matches a body hash the caller read against the signed one (IAM, STS, Lambda)', () => {
    const body = 'Action=ListRoles&Version=2010-05-08';
    const hash = sign('http://local.test', { method: 'POST', path: '/', body, date: at, service: 'iam' });
    const req = request({ method: 'POST', path: '/', body, service: 'iam' });
    const bodyHash = hash.headers['x-amz-content-sha256'];
    expect(outcome(req, at, lookup, bodyHash)).toBe('accepted');
    expect(outcome(req, at, lookup, '0'.repeat(64))).toContain('SignatureDoesNotMatch');
    const noHashHeader = { ...req, headers: { ...req.headers, 'x-amz-content-sha256': undefined } };
    expect(outcome(noHashHeader)).toContain('400 InvalidRequest: Missing required header');
  });

  it('signs the path as sent for S3 and encoded once more for other services', () => {
    const path = '/2015-03-31/functions/arn%3Aaws%3Alambda/invocations';
    expect(outcome(request({ path, service: 's3' }))).toBe('accepted');
    // The signer signs the path as given: for Lambda, a path that is not encoded again fails.
    expect(outcome(request({ path, service: 'lambda' }))).toContain('SignatureDoesNotMatch');
    const twice = path.split('/').map(rfc3986).join('/');
    const lambda = request({ path: twice, service: 'lambda' });
    expect(outcome({ ...lambda, target: parseRequestTarget(path) })).toBe('accepted');
  });

  it("folds a header value's runs of spaces as the signer does", () => {
    const signed = request({ headers: { 'x-amz-meta-a': 'one two' } });
    const spaced = { ...signed, headers: { ...signed.headers, 'x-amz-meta-a': ['  one    two '] } };
    expect(outcome(spaced)).toBe('accepted');
  });
});
