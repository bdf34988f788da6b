/** Retry `check` until it passes (for effects that land asynchronously); rethrows its last error after the timeout. */
export async function eventually(
  check: () => Promise<void>,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
