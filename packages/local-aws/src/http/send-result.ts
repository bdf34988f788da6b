import type { ServerResponse } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import type { HandlerResult } from './handler-types.js';

/**
 * Write a result to the socket without ever throwing: a header Node refuses (a value outside
 * Latin-1…) sends `fallback()` instead while nothing is sent yet; a failure after that, or of a
 * streamed body, ends the connection.
 */
export function sendResult(
  res: ServerResponse,
  result: HandlerResult,
  fallback: () => HandlerResult,
  log: (line: string) => void,
): void {
  try {
    write(res, result);
  } catch (e) {
    log(`could not write a response: ${(e as Error).message}`);
    if (result.body instanceof Readable) result.body.destroy();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      write(res, fallback());
    } catch {
      res.destroy();
    }
  }
}

function write(res: ServerResponse, result: HandlerResult): void {
  res.statusCode = result.status;
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  const body = result.body;
  if (body instanceof Readable) {
    // A failing read (or a client gone) ends the connection: the status line is already out.
    pipeline(body, res, (err) => {
      if (err && !res.destroyed) res.destroy();
    });
  } else {
    if (body !== undefined) res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  }
}
