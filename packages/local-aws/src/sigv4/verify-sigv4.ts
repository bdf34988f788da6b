import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../errors/service-error.js';
import { headerText } from '../http/header-text.js';
import { type RequestTarget, splitQuery } from '../http/request-target.js';
import { type Principal, rootPrincipal } from '../iam/principal.js';

export interface Credential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The account these keys belong to. */
  readonly accountId: string;
  /** Who the keys sign as; absent: the account's root. */
  readonly principal?: Principal;
  /** A role session's token: requests with its key must carry it (`x-amz-security-token`). */
  readonly sessionToken?: string;
}

export interface VerifiedIdentity {
  readonly accessKeyId: string;
  readonly accountId: string;
  /** The root, an IAM user or a role session (decision 0022). */
  readonly principal: Principal;
  /** Region and service of the credential scope: jobs belong to the region the request was signed for. */
  readonly region: string;
  readonly service: string;
  /** x-amz-content-sha256 as sent (hex, UNSIGNED-PAYLOAD, STREAMING-…); body checks depend on it. */
  readonly payloadHash: string;
  /** What aws-chunked chunk and trailer signatures chain from (STREAMING-AWS4-HMAC-SHA256-PAYLOAD). */
  readonly chunkSigning: ChunkSigning;
}

export interface ChunkSigning {
  readonly key: Buffer;
  readonly amzDate: string;
  /** `<date>/<region>/<service>/aws4_request` */
  readonly scope: string;
  /** The request's own signature: the previous signature of the first chunk. */
  readonly seedSignature: string;
}

/** Region names as AWS spells them (us-east-1, us-gov-west-1, ap-southeast-2…). */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export interface SigV4Request {
  readonly method: string;
  readonly target: RequestTarget;
  /** Headers with duplicates kept apart (Node's `headersDistinct`). */
  readonly headers: NodeJS.Dict<string[]>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

const signatureMismatch = () =>
  new ServiceError(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

/** RFC 3986 encoding used by SigV4 (and the SDKs' query strings) for query keys and values. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(rawQuery: string, skip?: string): string {
  if (rawQuery === '') return '';
  return splitQuery(rawQuery)
    .filter(([k]) => k !== skip)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalHeaders(headers: NodeJS.Dict<string[]>, signed: readonly string[]): string {
  let text = '';
  for (const name of signed) {
    const values = headers[name];
    if (values === undefined) throw signatureMismatch();
    // Signed as the text the client meant: UTF-8 bytes are its UTF-8 text (non-ASCII metadata).
    text += `${name}:${values.map((v) => headerText(v).trim().replace(/\s+/g, ' ')).join(',')}\n`;
  }
  return text;
}

const sha256Hex = (s: string) => hash('sha256', s, 'hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

// The signing key only changes with the day, Region and service: derive it once (4 HMACs saved per request).
const signingKeys = new Map<string, Buffer>();
function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${secret}/${date}/${region}/${service}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
    if (signingKeys.size > 1000) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}

/** `20240102T030405Z` → Date, or undefined when malformed. */
function parseAmzDate(s: string | undefined): Date | undefined {
  const m = s?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, se));
}

/**
 * The `Date` header as SigV4's timestamp (`YYYYMMDDTHHMMSSZ`) where `X-Amz-Date` is absent: either
 * that form or an HTTP date (AWS General Reference, "Handling dates in Signature Version 4").
 */
function requestDate(date: string | undefined): string | undefined {
  if (date === undefined || parseAmzDate(date)) return date;
  const ms = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(date)
    ? Date.parse(date)
    : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

interface ParsedAuth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  presigned: boolean;
  expiresSeconds?: number;
}

function parseCredential(credential: string, presigned: boolean): [string, string, string, string] {
  const code = presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed';
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw new ServiceError(400, code, `The credential '${credential}' is malformed.`);
  }
  // Region names key per-Region state (the engine's S3 clients): only real-looking names get in.
  if (!REGION_NAME.test(parts[2] as string)) {
    throw new ServiceError(
      400,
      code,
      `The authorization header is malformed; the region '${parts[2]}' is not a valid region name.`,
    );
  }
  return [parts[0] as string, parts[1] as string, parts[2] as string, parts[3] as string];
}

function first(headers: NodeJS.Dict<string[]>, name: string): string | undefined {
  return headers[name]?.[0];
}

function parseAuth(req: SigV4Request, bodyHash: string | undefined): ParsedAuth {
  const authorization = first(req.headers, 'authorization');
  const q = req.target.query;
  if (authorization !== undefined) {
    const m = authorization.match(
      /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/,
    );
    if (!m) {
      if (authorization.startsWith('AWS ')) {
        throw new ServiceError(
          400,
          'InvalidRequest',
          'Signature Version 2 is not supported; use AWS4-HMAC-SHA256.',
        );
      }
      throw new ServiceError(
        400,
        'AuthorizationHeaderMalformed',
        'The authorization header is malformed; expected AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…',
      );
    }
    const [accessKeyId, date, region, service] = parseCredential(m[1] as string, false);
    const amzDate = first(req.headers, 'x-amz-date') ?? requestDate(first(req.headers, 'date'));
    if (amzDate === undefined) {
      throw new ServiceError(
        403,
        'AccessDenied',
        'AWS authentication requires a valid Date or x-amz-date header',
      );
    }
    // Services other than S3 (Lambda, IAM, STS) sign the body without sending its hash: the caller read it.
    const payloadHash = first(req.headers, 'x-amz-content-sha256') ?? bodyHash;
    if (bodyHash !== undefined && payloadHash !== bodyHash) throw signatureMismatch();
    if (payloadHash === undefined) {
      throw new ServiceError(
        400,
        'InvalidRequest',
        'Missing required header for this request: x-amz-content-sha256',
      );
    }
    return {
      accessKeyId,
      date,
      region,
      service,
      signedHeaders: (m[2] as string).split(';'),
      signature: m[3] as string,
      amzDate,
      payloadHash,
      presigned: false,
    };
  }
  if (q.has('X-Amz-Signature')) {
    const get = (k: string) => {
      const v = q.get(k)?.[0];
      if (v === undefined) {
        throw new ServiceError(
          400,
          'AuthorizationQueryParametersError',
          `Query-string authentication requires ${k}.`,
        );
      }
      return v;
    };
    if (get('X-Amz-Algorithm') !== ALGORITHM) {
      throw new ServiceError(
        400,
        'AuthorizationQueryParametersError',
        'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
      );
    }
    const [accessKeyId, date, region, service] = parseCredential(get('X-Amz-Credential'), true);
    const expiresText = get('X-Amz-Expires');
    const expires = /^\d{1,6}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
      throw new ServiceError(
        400,
        'AuthorizationQueryParametersError',
        'X-Amz-Expires must be a whole number of seconds between 1 and 604800.',
      );
    }
    return {
      accessKeyId,
      date,
      region,
      service,
      signedHeaders: get('X-Amz-SignedHeaders').split(';'),
      signature: get('X-Amz-Signature'),
      amzDate: get('X-Amz-Date'),
      payloadHash: first(req.headers, 'x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD',
      presigned: true,
      expiresSeconds: expires,
    };
  }
  throw new ServiceError(
    403,
    'AccessDenied',
    'Anonymous requests are not accepted: sign the request with AWS Signature Version 4.',
  );
}

/**
 * S3 refuses x-amz-* headers that are not signed (they change what a request does: a copy source,
 * an ACL, a governance bypass…), so a presigned URL cannot be turned into another operation.
 * A presigned request's x-amz-content-sha256 is the canonical request's payload hash: signed.
 */
function refuseUnsignedAmzHeaders(headers: NodeJS.Dict<string[]>, auth: ParsedAuth): void {
  const unsigned: string[] = [];
  for (const name in headers) {
    if (!name.startsWith('x-amz-') || auth.signedHeaders.includes(name)) continue;
    if (!(auth.presigned && name === 'x-amz-content-sha256')) unsigned.push(name);
  }
  if (unsigned.length === 0) return;
  throw new ServiceError(
    403,
    'AccessDenied',
    'There were headers present in the request which were not signed',
    {
      HeadersNotSigned: unsigned.sort().join(','),
    },
  );
}

// An account's root principal, made once (not an object and an ARN string per request).
const roots = new Map<string, Principal>();
function rootOf(accountId: string): Principal {
  let root = roots.get(accountId);
  if (root === undefined) {
    root = rootPrincipal(accountId);
    roots.set(accountId, root);
  }
  return root;
}

/** A session key is only half a credential: S3 refuses it without its token, or with another. */
function checkSessionToken(req: SigV4Request, credential: Credential): void {
  if (credential.sessionToken === undefined) return;
  const given = req.headers['x-amz-security-token']?.[0] ?? req.target.query.get('X-Amz-Security-Token')?.[0];
  if (given === undefined)
    throw new ServiceError(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: credential.accessKeyId },
    );
  if (given !== credential.sessionToken)
    throw new ServiceError(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
}

/**
 * Verify a SigV4 request (Authorization header or presigned query) against the configured keys.
 * Canonical URI = the raw path as received; Host = as received (it may carry the account prefix).
 */
export function verifySigV4(
  req: SigV4Request,
  lookup: (accessKeyId: string) => Credential | undefined,
  now: Date = new Date(),
  /** The body's SHA-256 (hex) when the caller has read the whole body already (IAM, STS). */
  bodyHash?: string,
): VerifiedIdentity {
  const auth = parseAuth(req, bodyHash);
  const credential = lookup(auth.accessKeyId);
  if (!credential) {
    throw new ServiceError(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: auth.accessKeyId },
    );
  }
  checkSessionToken(req, credential);
  const signedAt = parseAmzDate(auth.amzDate);
  if (!signedAt || auth.amzDate.slice(0, 8) !== auth.date) {
    throw new ServiceError(
      403,
      'AccessDenied',
      'X-Amz-Date is malformed or does not match the credential scope date.',
    );
  }
  if (auth.presigned) {
    // A URL dated in the future would otherwise stay valid for its whole life after that date.
    if (signedAt.getTime() - now.getTime() > MAX_SKEW_MS) {
      throw new ServiceError(403, 'AccessDenied', 'Request is not valid yet');
    }
    if (now.getTime() > signedAt.getTime() + (auth.expiresSeconds ?? 0) * 1000) {
      throw new ServiceError(403, 'AccessDenied', 'Request has expired');
    }
  } else if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
    throw new ServiceError(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      { RequestTime: auth.amzDate, ServerTime: now.toISOString() },
    );
  }
  if (!auth.signedHeaders.includes('host')) throw signatureMismatch();
  refuseUnsignedAmzHeaders(req.headers, auth);

  const canonicalRequest = [
    req.method,
    canonicalUri(req.target.rawPath, auth.service),
    canonicalQuery(req.target.rawQuery, auth.presigned ? 'X-Amz-Signature' : undefined),
    canonicalHeaders(req.headers, auth.signedHeaders),
    auth.signedHeaders.join(';'),
    auth.payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [ALGORITHM, auth.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = signingKey(credential.secretAccessKey, auth.date, auth.region, auth.service);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw signatureMismatch();

  return {
    accessKeyId: credential.accessKeyId,
    accountId: credential.accountId,
    principal: credential.principal ?? rootOf(credential.accountId),
    region: auth.region,
    service: auth.service,
    payloadHash: auth.payloadHash,
    chunkSigning: { key, amzDate: auth.amzDate, scope, seedSignature: auth.signature },
  };
}

/**
 * The canonical URI: S3 signs the path as sent; every other service (Lambda…) URI-encodes it
 * once more, segment by segment (an ARN's `%3A` is signed as `%253A`), as the SDKs and CLI do.
 */
function canonicalUri(rawPath: string, service: string): string {
  if (service === 's3') return rawPath;
  return rawPath.split('/').map(rfc3986).join('/');
}
