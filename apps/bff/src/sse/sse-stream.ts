import { JobEvent } from '@batchops/contracts';
import type { Request, Response } from 'express';

export interface SseStream {
  send(event: JobEvent): void;
  /** Runs once, when the client goes away or the server ends the stream. */
  onClose(fn: () => void): void;
  close(): void;
}

const HEARTBEAT_MS = 15_000;

/**
 * Turn a response into a Server-Sent Events stream of JobEvents: `event: <type>` and the JSON in
 * `data:`, a comment every 15 s so proxies keep the connection, and cleanup when `req` closes.
 */
export function openSseStream(req: Request, res: Response, heartbeatMs = HEARTBEAT_MS): SseStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // nginx and similar proxies would otherwise buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 3000\n\n');
  req.socket.setNoDelay(true);
  const closers: Array<() => void> = [];
  let closed = false;
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers) fn();
    if (!res.writableEnded) res.end();
  };
  req.on('close', close);
  res.on('close', close);
  // A write to a socket that went away: end the stream, never an unhandled 'error' event.
  res.on('error', close);
  return {
    send(event) {
      if (closed) return;
      // Parsed on the way out too: a stream carries only what the contract allows.
      const data = JobEvent.parse(event);
      res.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    close,
  };
}
