import { type ChildProcess, spawn } from 'node:child_process';

/** A started batchops-local-aws command: where it listens and everything it printed so far. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly dataDir: string;
  output(): string;
  /** SIGTERM, then the exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
}

/** Spawn the command and wait for its `BATCHOPS_LOCAL_AWS_URL=` line (what a CI script reads). */
export function startCli(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<CliProcess> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const append = (chunk: Buffer) => {
    out += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no URL line within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const read = () => {
      const url = out.match(/^BATCHOPS_LOCAL_AWS_URL=(\S+)$/m)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', read);
      ok({
        child,
        url,
        dataDir: out.match(/\(data: (.+)\)$/m)?.[1] ?? '',
        output: () => out,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code} before listening:\n${out}`));
    });
  });
}
