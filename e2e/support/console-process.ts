import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A console (the built BFF) in a process of its own, which a journey can stop and start again. */
export interface ConsoleProcess {
  readonly url: string;
  stop(): Promise<void>;
}

const bff = fileURLToPath(new URL('../../apps/bff/dist/index.js', import.meta.url));

/**
 * Start the console in aws mode against an S3 / S3 Control endpoint (the tests' local-aws): it
 * polls and samples jobs as it would against AWS, keeping its own files in `dataDir`.
 */
export async function startAwsModeConsole(opts: {
  port: number;
  endpoint: string;
  dataDir: string;
}): Promise<ConsoleProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  // A console left on the port (a journey of an earlier run that died before stopping it) would
  // answer the health check below in this one's place.
  const taken = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${opts.port} already serves a console: stop it first`);
  const child: ChildProcess = spawn(process.execPath, [bff], {
    stdio: 'ignore',
    env: {
      ...process.env,
      BATCHOPS_MODE: 'aws',
      BATCHOPS_PORT: String(opts.port),
      BATCHOPS_REGION: 'us-east-1',
      BATCHOPS_ACCOUNT_ID: '000000000000',
      BATCHOPS_ENDPOINT: opts.endpoint,
      BATCHOPS_DATA_DIR: opts.dataDir,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the aws-mode console on ${url} did not start (exit ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
