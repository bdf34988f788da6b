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
    const extra = Object.keys(e.extra).length ? ` ${JSON.stringify(e.extra)}` : '';
    return `${e.status} ${e.code}: ${e.message}${extra}`;
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

  it('reads the time from a Date header, in SigV4 form or as an HTTP date, when X-Amz-Date is absent', () => {
    expect(outcome(request({ dateHeader: 'amz' }))).toBe('accepted');
    expect(outcome(request({ dateHeader: 'http' }))).toBe('accepted');
    const invalid = '403 AccessDenied: AWS authentication requires a valid Date or x-amz-date header';
    for (const date of ['x Fri, 02 Jan 2026 03:04:05 GMT', 'Fri, 02 Jan 2026 03:04:05 GMT+0100'])
      expect(outcome(request({ dateHeader: 'http', extra: { date } }))).toBe(invalid);
    const none = request({ dateHeader: 'http' });
    delete none.headers.date;
    expect(outcome(none)).toBe(invalid);
  });

  it('signs the values of a header sent twice joined by a comma', () => {
    const signed = request({ headers: { 'x-amz-meta-a': 'one,two' } });
    expect(outcome({ ...signed, headers: { ...signed.headers, 'x-amz-meta-a': ['one', 'two'] } })).toBe(
      'accepted',
    );
  });

  const auth = (credential: string, rest = `SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`) =>
    `AWS4-HMAC-SHA256 Credential=${credential}, ${rest}`;
  const signedAuth = request().headers.authorization?.[0] ?? '';
  const malformed =
    '400 AuthorizationHeaderMalformed: The authorization header is malformed; expected AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…';
  const mismatch =
    '403 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.';
  const anonymous = request();
  delete anonymous.headers.authorization;

  it.each([
    ['a wrong signature', request({ secret: 'other' }), mismatch],
    [
      'an unknown key',
      request({ accessKeyId: 'nobody' }),
      '403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records. {"AWSAccessKeyId":"nobody"}',
    ],
    [
      'no signature',
      anonymous,
      '403 AccessDenied: Anonymous requests are not accepted: sign the request with AWS Signature Version 4.',
    ],
    [
      'a credential of six parts',
      request({ extra: { authorization: auth('test/20260102/us-east-1/s3/aws4_request/x') } }),
      "400 AuthorizationHeaderMalformed: The credential 'test/20260102/us-east-1/s3/aws4_request/x' is malformed.",
    ],
    [
      'a Region not spelled as AWS does',
      request({ extra: { authorization: auth('test/20260102/Us-east-1/s3/aws4_request') } }),
      "400 AuthorizationHeaderMalformed: The authorization header is malformed; the region 'Us-east-1' is not a valid region name.",
    ],
    ['text before the algorithm', request({ extra: { authorization: `Bearer ${signedAuth}` } }), malformed],
    ['text after the signature', request({ extra: { authorization: `${signedAuth}x` } }), malformed],
    [
      'spaces around the parts',
      request({ extra: { authorization: `${signedAuth.replace(' ', '  ')}  ` } }),
      'accepted',
    ],
    [
      'an X-Amz-Date with text before it',
      request({
        extra: {
          'x-amz-date': 'X20260102T030405Z',
          authorization: auth('test/X2026010/us-east-1/s3/aws4_request'),
        },
      }),
      '403 AccessDenied: X-Amz-Date is malformed or does not match the credential scope date.',
    ],
    [
      'an X-Amz-Date with text after it',
      request({ extra: { 'x-amz-date': '20260102T030405Zx' } }),
      '403 AccessDenied: X-Amz-Date is malformed or does not match the credential scope date.',
    ],
    [
      'unsigned x-amz-* headers, named in order',
      request({ extra: { 'x-amz-meta-b': '1', 'x-amz-acl': 'private' } }),
      '403 AccessDenied: There were headers present in the request which were not signed {"HeadersNotSigned":"x-amz-acl,x-amz-meta-b"}',
    ],
    [
      'an unsigned x-amz-content-sha256 outside a presigned URL',
      request({ signedHeaders: ['host', 'x-amz-date'] }),
      '403 AccessDenied: There were headers present in the request which were not signed {"HeadersNotSigned":"x-amz-content-sha256"}',
    ],
    [
      'an unsigned x-amz-* header on a presigned URL',
      request({ presign: 60, extra: { 'x-amz-acl': 'private' } }),
      '403 AccessDenied: There were headers present in the request which were not signed {"HeadersNotSigned":"x-amz-acl"}',
    ],
    [
      'a presigned URL sent with the hash of a payload it did not sign',
      request({
        presign: 60,
        extra: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      }),
      mismatch,
    ],
    ['a presigned URL valid for one second', request({ presign: 1 }), 'accepted'],
  ])('answers %s as S3 does', (_what, req, expected) => {
    expect(outcome(req)).toBe(expected);
  });

  it('refuses a presigned signature of the wrong length as a mismatch', () => {
    const url = request({ presign: 60 });
    const query = new URLSearchParams(url.target.rawQuery);
    query.set('X-Amz-Signature', 'abcd');
    expect(outcome({ ...url, target: parseRequestTarget(`/b/k?${query.toString()}`) })).toContain(
      '403 SignatureDoesNotMatch',
    );
  });

  it('names the times of a skewed request, and what a session key lacks', () => {
    const late = new Date(minutes(15).getTime() + 1000);
    expect(outcome(request(), late)).toBe(
      '403 RequestTimeTooSkewed: The difference between the request time and the current time is too large. {"RequestTime":"20260102T030405Z","ServerTime":"2026-01-02T03:19:06.000Z"}',
    );
    const session = () => ({ ...root, sessionToken: 'token-1' });
    expect(outcome(request(), at, session)).toBe(
      '403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records. {"AWSAccessKeyId":"test"}',
    );
    expect(outcome(request({ headers: { 'x-amz-security-token': 'token-2' } }), at, session)).toBe(
      '400 InvalidToken: The provided token is malformed or otherwise invalid.',
    );
  });
});
