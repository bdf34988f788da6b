/** What `keepServingOnErrors` needs of `process` (an EventEmitter in tests). */
interface ProcessEvents {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (error: unknown) => void): unknown;
}

/**
 * A bug in one request, SSE stream or poller must not end the console (and the local-aws and jobs
 * running in it): log unhandled rejections and uncaught exceptions and keep serving.
 */
export function keepServingOnErrors(proc: ProcessEvents, log: (line: string) => void): void {
  const text = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  proc.on('unhandledRejection', (e) => log(`unhandled rejection (still serving): ${text(e)}`));
  proc.on('uncaughtException', (e) => log(`uncaught exception (still serving): ${text(e)}`));
}
