import { Readable } from 'node:stream';
import { rfc3986 } from '../sigv4/verify-sigv4.js';
import type { LocalAwsRequest, RequestHandler } from './handler-types.js';

// The engine's SDK clients hand their requests to the request handler without a socket (decision
// 0029): the same Host check, SigV4, policies, ACLs and handlers, without HTTP on either side.

/** What the SDK's HttpHandler receives (`@smithy/protocol-http` HttpRequest), as far as used here. */
export interface SdkHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | readonly string[] | null | undefined>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** What the SDK expects back (`HttpResponse`, which it recognises by shape). */
export interface SdkHttpResponse {
  readonly statusCode: number;
  readonly reason?: string;
  readonly headers: Record<string, string>;
  readonly body: Readable;
}

/** The query string the SDK's node:http handler puts on the wire (`@smithy/querystring-builder`: sorted, RFC 3986). */
export function queryString(query: SdkHttpRequest['query']): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query?.[key];
    const k = rfc3986(key);
    if (Array.isArray(value)) for (const v of value) parts.push(`${k}=${rfc3986(v)}`);
    else parts.push(value || typeof value === 'string' ? `${k}=${rfc3986(value as string)}` : k);
  }
  return parts.join('&');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the whole range below 0x80.
const ASCII = /^[\x00-\x7f]*$/;

/** A header value as Node's HTTP parser would hand it over: UTF-8 bytes read as Latin-1. */
const wireText = (v: string) => (ASCII.test(v) ? v : Buffer.from(v, 'utf8').toString('latin1'));

function bodyStream(body: unknown): { stream: Readable; streamed: boolean } {
  if (body === undefined || body === null) return { stream: Readable.from([]), streamed: false };
  if (body instanceof Readable) return { stream: body, streamed: true };
  if (typeof body === 'string')
    return { stream: Readable.from([Buffer.from(body, 'utf8')]), streamed: false };
  if (body instanceof Uint8Array) return { stream: Readable.from([Buffer.from(body)]), streamed: false };
  throw new Error(`in-process transport: unsupported request body ${Object.prototype.toString.call(body)}`);
}

/** The request as local-aws reads one off a socket. */
export function toLocalAwsRequest(request: SdkHttpRequest): LocalAwsRequest {
  const headers: NodeJS.Dict<string[]> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name.toLowerCase()] = [wireText(value)];
  const { stream, streamed } = bodyStream(request.body);
  // node:http sends a body of unknown length chunked.
  if (streamed && headers['content-length'] === undefined) headers['transfer-encoding'] = ['chunked'];
  const qs = queryString(request.query);
  return { method: request.method, url: qs ? `${request.path}?${qs}` : request.path, headers, body: stream };
}

/** An SDK `requestHandler` that calls `handle` in this process instead of opening a connection. */
export function inProcessTransport(handle: () => RequestHandler) {
  return {
    async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
      const result = await handle()(toLocalAwsRequest(request));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = v;
      let body: Readable;
      if (request.method === 'HEAD' || result.body === undefined) {
        if (result.body instanceof Readable) result.body.destroy();
        body = Readable.from([]);
      } else if (result.body instanceof Readable) {
        body = result.body;
      } else {
        const bytes = Buffer.from(result.body);
        headers['content-length'] ??= String(bytes.length);
        body = Readable.from([bytes]);
      }
      return { response: { statusCode: result.status, headers, body } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}
