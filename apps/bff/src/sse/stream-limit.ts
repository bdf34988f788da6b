import { HttpError } from '../errors/http-error.js';

/** At most `perClient` open streams per client (remote address); a slot is released on close. */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** Take a slot for `client`, or throw 429 `TooManyStreams`. Returns the release (idempotent). */
  acquire(client: string): () => void {
    const n = this.open.get(client) ?? 0;
    if (n >= this.perClient) {
      throw new HttpError(
        429,
        'TooManyStreams',
        `At most ${this.perClient} live streams per client: close another console tab or view.`,
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
