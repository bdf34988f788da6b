import type { Readable } from 'node:stream';
import type { VerifiedIdentity } from '../sigv4/verify-sigv4.js';
import type { RequestTarget } from './request-target.js';

/** A request as a server entry hands it to the request handler (node-server, in-process transport). */
export interface LocalAwsRequest {
  readonly method: string;
  /** The request target as received: origin form, or absolute form behind HTTP_PROXY. */
  readonly url: string;
  /** Lowercase names, duplicates kept apart (Node's `headersDistinct`). */
  readonly headers: NodeJS.Dict<string[]>;
  readonly body: Readable;
}

/** Requests in, responses out: what `createRequestHandler` makes. */
export type RequestHandler = (req: LocalAwsRequest) => Promise<HandlerResult>;

/** A verified request as the protocol routers see it. */
export interface RequestContext {
  readonly method: string;
  readonly target: RequestTarget;
  readonly headers: NodeJS.Dict<string[]>;
  readonly identity: VerifiedIdentity;
  /** The body, checked against the signature and aws-chunked decoded (see request-body.ts). */
  readonly body: Readable;
  /** Whether the body came aws-chunked (its length is x-amz-decoded-content-length). */
  readonly chunked: boolean;
  /** aws-chunked trailers (x-amz-checksum-*), final once the body has been read. */
  readonly trailers: Readonly<Record<string, string>>;
}

export interface HandlerResult {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer | Readable;
}

export function header(ctx: { headers: NodeJS.Dict<string[]> }, name: string): string | undefined {
  return ctx.headers[name]?.[0];
}

export function xmlResult(body: string, status = 200): HandlerResult {
  return { status, headers: { 'content-type': 'application/xml' }, body };
}
