/** What one fuzz request came to: a tally bucket, and a line for the failure list when it broke a rule. */
export interface FuzzOutcome {
  readonly tally: string;
  readonly bad?: string;
}

export interface FuzzRun<R> {
  readonly requests: number;
  readonly concurrency: number;
  /** The next request (from a seeded generator). */
  readonly next: () => R;
  /** Send it and judge the answer. */
  readonly probe: (request: R) => Promise<FuzzOutcome>;
  /** How a request is named when sending it threw. */
  readonly label: (request: R) => string;
}

export interface FuzzResult {
  readonly sent: number;
  /** Requests that broke a rule or threw, in the order they came back. */
  readonly bad: readonly string[];
  /** Tally buckets, most frequent first, one per line ("  count\tbucket"). */
  readonly summary: string;
}

/** Send `requests` generated requests, `concurrency` at a time, tallying the outcomes. */
export async function runFuzz<R>(run: FuzzRun<R>): Promise<FuzzResult> {
  const tally = new Map<string, number>();
  const bad: string[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < run.requests) {
      sent++;
      const r = run.next();
      let outcome: FuzzOutcome;
      try {
        outcome = await run.probe(r);
      } catch (e) {
        bad.push(`${run.label(r)}: ${(e as Error).message}`);
        continue;
      }
      tally.set(outcome.tally, (tally.get(outcome.tally) ?? 0) + 1);
      if (outcome.bad !== undefined) bad.push(outcome.bad);
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, worker));
  const summary = [...tally]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `  ${n}\t${k}`)
    .join('\n');
  return { sent, bad, summary };
}
