import type { Request } from 'express';
import { HttpError } from '../errors/http-error.js';
import { sessionOf } from '../web/session-cookie.js';

/**
 * Whose share a stream counts against: the browser session (its cookie), else the remote address —
 * every local browser is 127.0.0.1, so one tab or process must not take the slots of another.
 */
export function streamClientOf(req: Request): string {
  const session = sessionOf(req);
  return session ? `session:${session}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

/** At most `perClient` open streams per client (streamClientOf); a slot is released on close. */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** Take a slot for the request's client, or throw 429 `TooManyStreams`. Returns the release (idempotent). */
  acquire(req: Request): () => void {
    const client = streamClientOf(req);
    const n = this.open.get(client) ?? 0;
    if (n >= this.perClient) {
      throw new HttpError(
        429,
        'TooManyStreams',
        `At most ${this.perClient} live streams per browser session: close another console tab or view.`,
      );
    }
    this.open.set(client, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left > 0) this.open.set(client, left);
      else this.open.delete(client);
    };
  }
}
