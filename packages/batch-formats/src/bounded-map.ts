// Bounded concurrent work over a list: the one way the engine, local-aws and the BFF run many
// calls at once (generated manifests' per-object calls, the demo seed's puts, the BFF's HEADs and
// tag reads). Queues that outlive a call (the engine's scheduler, live replication, Lambda's worker
// processes) are not this: decision 0005 says why.

/**
 * Runs `work` over every item with at most `limit` calls in flight (a free slot takes the next item
 * at once, never waiting for a whole batch); the results are in the items' order. The first
 * rejection rejects the whole, after the calls in flight settle; no new call starts after it.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i] as T, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((s) => s.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return results;
}
