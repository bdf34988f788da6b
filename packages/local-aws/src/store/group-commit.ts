import type { Transaction } from '@batchops/engine';

interface Queued {
  readonly fn: () => unknown;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit: calls queued in one event-loop turn run in one shared transaction, each in its own
 * savepoint (one that throws rolls back alone), and resolve once it is committed. One WAL commit for
 * many writes instead of one each.
 */
export class GroupCommit {
  private queue: Queued[] = [];

  /** `tx` runs a function in a transaction (a savepoint when nested). */
  constructor(private readonly tx: Transaction) {}

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const items = this.queue;
    this.queue = [];
    const only = items.length === 1 ? items[0] : undefined;
    if (only !== undefined) {
      // Alone in its transaction: no savepoint needed for it to roll back alone.
      let value: unknown;
      try {
        value = this.tx(only.fn);
      } catch (error) {
        only.reject(error);
        return;
      }
      only.resolve(value);
      return;
    }
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.tx(() => {
        for (const item of items) {
          try {
            results.push({ ok: true, value: this.tx(item.fn) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    items.forEach((item, i) => {
      const r = results[i];
      if (r?.ok) item.resolve(r.value);
      else item.reject(r?.error);
    });
  }
}
