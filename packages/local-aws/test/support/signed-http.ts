import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';

/**
 * Raw SigV4-signed HTTP for what the SDKs cannot send: a body changed after signing, odd headers,
 * presigned URLs dated ahead, signed aws-chunked bodies. Independent of src/sigv4 on purpose.
 */
export interface RawRequest {
  readonly method: string;
  /** Raw path, already percent-encoded. */
  readonly path: string;
  /** Query parameters (decoded); signed with the rest. */
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** x-amz-content-sha256 to sign; default the SHA-256 of `body`. */
  readonly payloadHash?: string;
  /** Host header; default the server's host:port. */
  readonly host?: string;
  readonly region?: string;
  readonly service?: string;
  readonly date?: Date;
  readonly secret?: string;
  /** Sign the query (presigned URL) instead of the Authorization header, valid this many seconds. */
  readonly presign?: number | string;
  /** Send this body instead of `body` (the signature still covers `body`). */
  readonly sendBody?: string | Buffer;
  /** Headers added after signing (not signed). */
  readonly unsignedHeaders?: Readonly<Record<string, string>>;
  /** The request target as sent, e.g. an absolute-form URL; default path + query. */
  readonly target?: string;
  /** The headers to sign (lowercase); default every header. A name not sent is still listed. */
  readonly signedHeaders?: readonly string[];
  /** The credential scope's date (`yyyymmdd`); default the day of `date`, as it must be. */
  readonly scopeDate?: string;
  /** The access key ID; default `test`. */
  readonly accessKeyId?: string;
  /** Send the time as a `Date` header (SigV4's form or an HTTP date) instead of X-Amz-Date. */
  readonly dateHeader?: 'amz' | 'http';
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The body's bytes as received. */
  readonly bytes: Buffer;
}

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const amzDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface Signed {
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The request signature (seed of chunk signatures). */
  readonly signature: string;
  readonly signingKey: Buffer;
  readonly scope: string;
  readonly amzDate: string;
}

/** Sign a request for the given server (`http://host:port`). */
export function sign(url: string, r: RawRequest): Signed {
  const host = r.host ?? new URL(url).host;
  const at = r.date ?? new Date(Math.floor(Date.now() / 1000) * 1000);
  const date = amzDate(at);
  const region = r.region ?? 'us-east-1';
  const service = r.service ?? 's3';
  const scope = `${r.scopeDate ?? date.slice(0, 8)}/${region}/${service}/aws4_request`;
  const payloadHash = r.payloadHash ?? sha256(r.body ?? '');
  const headers: Record<string, string> = {
    host,
    ...Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const query: Record<string, string> = { ...r.query };
  if (r.presign !== undefined) {
    Object.assign(query, {
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${r.accessKeyId ?? 'test'}/${scope}`,
      'X-Amz-Date': date,
      'X-Amz-Expires': String(r.presign),
    });
  } else {
    if (r.dateHeader === undefined) headers['x-amz-date'] = date;
    else headers.date = r.dateHeader === 'amz' ? date : at.toUTCString();
    headers['x-amz-content-sha256'] = payloadHash;
  }
  const names = [...(r.signedHeaders ?? Object.keys(headers))].sort();
  if (r.presign !== undefined) query['X-Amz-SignedHeaders'] = names.join(';');
  const canonicalQuery = Object.entries(query)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const canonical = [
    r.method,
    r.path,
    canonicalQuery,
    names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join(''),
    names.join(';'),
    r.presign !== undefined ? 'UNSIGNED-PAYLOAD' : payloadHash,
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${r.secret ?? 'test'}`, r.scopeDate ?? date.slice(0, 8)), region), service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  if (r.presign !== undefined) {
    return {
      path: `${r.path}?${canonicalQuery}&X-Amz-Signature=${signature}`,
      headers,
      signature,
      signingKey: key,
      scope,
      amzDate: date,
    };
  }
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${r.accessKeyId ?? 'test'}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return {
    path: canonicalQuery === '' ? r.path : `${r.path}?${canonicalQuery}`,
    headers,
    signature,
    signingKey: key,
    scope,
    amzDate: date,
  };
}

/** Send raw bytes with the given headers to `url` (`http://host:port`). */
export function send(
  url: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, method, path: target, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Sign and send. */
export async function signedRequest(url: string, r: RawRequest): Promise<RawResponse> {
  const signed = sign(url, r);
  const body = r.sendBody ?? r.body;
  const headers = { ...signed.headers, ...r.unsignedHeaders };
  if (body !== undefined && headers['content-length'] === undefined)
    headers['content-length'] = String(Buffer.byteLength(body));
  return send(url, r.method, r.target ?? signed.path, headers, body);
}

/** The S3 error code of an XML error body. */
export const errorCode = (body: string) => body.match(/<Code>([^<]*)<\/Code>/)?.[1];

/** Encode `payload` as a signed aws-chunked body chained from `signed` (STREAMING-AWS4-HMAC-SHA256-PAYLOAD). */
export function signedChunks(signed: Signed, payload: Buffer, chunkSize: number): Buffer {
  let previous = signed.signature;
  const parts: Buffer[] = [];
  for (let pos = 0; ; pos += chunkSize) {
    const data = payload.subarray(pos, Math.min(pos + chunkSize, payload.length));
    const toSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      signed.amzDate,
      signed.scope,
      previous,
      sha256(''),
      sha256(data),
    ].join('\n');
    previous = createHmac('sha256', signed.signingKey).update(toSign).digest('hex');
    parts.push(
      Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`),
      data,
      Buffer.from('\r\n'),
    );
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}
