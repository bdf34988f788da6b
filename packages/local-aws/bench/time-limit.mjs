// Every bench ends: past its time limit it fails loudly (exit 1) instead of waiting forever.
// BENCH_TIME_LIMIT_S overrides the limit (seconds); BENCH_QUICK=1 runs get the short default.

/** Exit with code 1 and the bench's name when it is still running after its limit. */
export function limitBenchTime(name, { quickSeconds = 300, fullSeconds = 3600 } = {}) {
  const fromEnv = Number(process.env.BENCH_TIME_LIMIT_S);
  const seconds =
    Number.isFinite(fromEnv) && fromEnv > 0
      ? fromEnv
      : process.env.BENCH_QUICK === '1'
        ? quickSeconds
        : fullSeconds;
  const started = Date.now();
  setTimeout(() => {
    console.error(
      `\n${name}: FAILED — still running after its time limit of ${seconds} s (BENCH_TIME_LIMIT_S); started ${new Date(started).toISOString()}`,
    );
    process.exit(1);
  }, seconds * 1000).unref();
}

/** A failure of the bench itself (a job that failed, a missing figure): the reason, and exit 1. */
export function failBench(name, reason) {
  console.error(`\n${name}: FAILED — ${reason}`);
  process.exit(1);
}
