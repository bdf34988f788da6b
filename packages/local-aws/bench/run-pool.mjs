// The benches' load generator: one way to keep a number of operations in flight.

/** Run `op(i)` for i in [0, total) with `concurrency` in flight. */
export async function runPool(total, concurrency, op) {
  let next = 0;
  const worker = async () => {
    while (next < total) await op(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}
