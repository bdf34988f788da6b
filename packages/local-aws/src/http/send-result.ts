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
      write(res, fallback());
    } catch {
      res.destroy();
    }
  }
}

/** Status line and headers in one writeHead (a flat name/value array: no header map is built). */
function write(res: ServerResponse, result: HandlerResult): void {
  const body = result.body;
  const sized = body !== undefined && !(body instanceof Readable);
  const headers: string[] = [];
  const given = result.headers;
  if (given !== undefined)
    for (const name in given) {
      // A body in memory is sent with its own length (one Content-Length, never two).
      if (sized && name.toLowerCase() === 'content-length') continue;
      headers.push(name, given[name] as string);
    }
  if (body instanceof Readable) {
    res.writeHead(result.status, headers);
    // A failing read (or a client gone) ends the connection: the status line is already out.
    pipeline(body, res, (err) => {
      if (err && !res.destroyed) res.destroy();
    });
    return;
  }
  if (sized) headers.push('content-length', String(Buffer.byteLength(body)));
  res.writeHead(result.status, headers);
  res.end(body);
}
