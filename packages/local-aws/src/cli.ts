#!/usr/bin/env -S node --max-semi-space-size=16
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNT_ID } from './defaults.js';
import { TEST_ROLE } from './iam/role-seeds.js';
import type { LocalAwsHandle, LocalAwsOptions } from './local-aws-options.js';
import { parseRestoreDelays, type RestoreDelayOption } from './s3/restore-timing.js';
import { startLocalAws } from './server.js';
import type { Credential } from './sigv4/verify-sigv4.js';

/** The environment variable that may hold the credential list (argv is world-readable in /proc). */
const CREDENTIALS_ENV = 'BATCHOPS_LOCAL_AWS_CREDENTIALS';
/** The line a script reads to learn where local-aws listens (`--port 0`). */
const URL_LINE_PREFIX = 'BATCHOPS_LOCAL_AWS_URL=';

const usage = `batchops-local-aws — a local S3 + S3 Control + IAM/STS + Lambda endpoint that runs S3 Batch Operations jobs

  --port <n>               port to listen on (default 4566; 0 = any free port)
  --host <addr>            address to bind (default 127.0.0.1)
  --allow-host <name>      another Host name to answer to (repeatable; loopback names always are)
  --data-dir <dir>         where data is kept across restarts (omitted: a temporary directory removed on exit)
  --credentials-file <f>   keys that may sign, AKID:SECRET[:ACCOUNT] separated by commas or lines
                           (or the variable ${CREDENTIALS_ENV}; default test:test:${DEFAULT_ACCOUNT_ID})
  --seed-demo              create the demo buckets, objects, manifest and roles on the first start
  --test-role              create the role batchops-test (trusts Batch Operations, allows s3:* and
                           lambda:InvokeFunction) when missing: what tests run their jobs as
  --concurrency <n>        Batch Operations tasks in flight over all jobs (default 64)
  --lambda-pool <n>        warm worker processes per Lambda function (default 4)
  --restore-delays <s>     seconds until a restore from GLACIER / DEEP_ARCHIVE completes: one number
                           for every tier, or Expedited=2,Standard=10,Bulk=30 (the default)
  --restore-day-seconds <n> seconds in a restore day (RestoreRequest's Days; default 86400)
  -h, --help

Prints '${URL_LINE_PREFIX}http://<host>:<port>' once listening; GET /_batchops/health answers 200 then.
SIGTERM or SIGINT stops it (exit 0).`;

/** `AKID:SECRET[:ACCOUNT]` entries separated by commas or new lines; `#` starts a comment line. */
function parseCredentials(list: string, source: string): Credential[] {
  const entries = list
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter((e) => e !== '' && !e.startsWith('#'));
  if (entries.length === 0) throw new Error(`${source}: no credentials in it`);
  return entries.map((entry) => {
    const [accessKeyId, secretAccessKey, accountId = DEFAULT_ACCOUNT_ID] = entry.split(':');
    if (!accessKeyId || !secretAccessKey || !/^\d{12}$/.test(accountId)) {
      // The entry itself is not echoed: it holds a secret.
      throw new Error(`${source}: an entry is not AKID:SECRET[:12-digit-account]`);
    }
    return { accessKeyId, secretAccessKey, accountId };
  });
}

/** From the file, else the environment, else the deprecated argv flag (with a warning). */
function credentialsFrom(
  file: string | undefined,
  argv: string | undefined,
  env: NodeJS.ProcessEnv,
): Credential[] | undefined {
  if (file !== undefined) return parseCredentials(readFileSync(file, 'utf8'), '--credentials-file');
  const fromEnv = env.BATCHOPS_LOCAL_AWS_CREDENTIALS;
  if (fromEnv) return parseCredentials(fromEnv, CREDENTIALS_ENV);
  if (argv === undefined) return undefined;
  console.error(
    `batchops-local-aws: --credentials puts secrets where every local user can read them (/proc/<pid>/cmdline); use --credentials-file or ${CREDENTIALS_ENV}`,
  );
  return parseCredentials(argv, '--credentials');
}

function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name}: '${value}' is not a whole number from ${min} to ${max}`);
  return n;
}

/** The restore timing flags as `s3` options; undefined when neither is given. */
function restoreTiming(delays: string | undefined, daySeconds: string | undefined): LocalAwsOptions['s3'] {
  if (delays === undefined && daySeconds === undefined) return undefined;
  let restoreDelayMs: RestoreDelayOption | undefined;
  try {
    restoreDelayMs = delays === undefined ? undefined : parseRestoreDelays(delays);
  } catch (e) {
    throw new Error(`--restore-delays: ${(e as Error).message}`);
  }
  const day = intFlag('restore-day-seconds', daySeconds, 1, 86_400 * 365);
  return {
    ...(restoreDelayMs !== undefined ? { restoreDelayMs } : {}),
    ...(day !== undefined ? { restoreDayMs: day * 1000 } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      'credentials-file': { type: 'string' },
      credentials: { type: 'string' },
      'seed-demo': { type: 'boolean' },
      concurrency: { type: 'string' },
      'lambda-pool': { type: 'string' },
      'restore-delays': { type: 'string' },
      'restore-day-seconds': { type: 'string' },
      'test-role': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = intFlag('port', values.port, 0, 65535) ?? 4566;
  const poolSize = intFlag('lambda-pool', values['lambda-pool'], 1, 64);
  const concurrency = intFlag('concurrency', values.concurrency, 1, 4096);
  const s3 = restoreTiming(values['restore-delays'], values['restore-day-seconds']);
  const credentials = credentialsFrom(values['credentials-file'], values.credentials, process.env);
  const handle = await startLocalAws({
    port,
    host: values.host,
    ...(values['allow-host'] ? { allowedHosts: values['allow-host'] } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    ...(credentials ? { credentials } : {}),
    ...(values['seed-demo'] ? { seedDemo: true } : {}),
    ...(concurrency !== undefined ? { engine: { concurrency } } : {}),
    ...(poolSize !== undefined ? { lambda: { poolSize } } : {}),
    ...(s3 ? { s3 } : {}),
    ...(values['test-role'] ? { roles: [TEST_ROLE] } : {}),
    log: (line) => console.log(line),
  }).catch((e: unknown) => {
    // The metadata file is held exclusively by the process serving it (decision 0004).
    if (e instanceof Error && /database is locked/.test(e.message))
      throw new InUse(
        `${values['data-dir']} is in use by another local-aws: one process serves a data directory`,
      );
    throw e;
  });
  console.log(`${URL_LINE_PREFIX}${handle.url}`);
  stopOnSignals(handle);
}

/** The first signal closes cleanly (an ephemeral data directory goes too); a second one exits at once. */
function stopOnSignals(handle: LocalAwsHandle): void {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    handle.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`batchops-local-aws: stopping failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A data directory another process serves: not a usage error, so no usage text. */
class InUse extends Error {}

main().catch((e: unknown) => {
  const text = e instanceof Error ? e.message : String(e);
  console.error(`batchops-local-aws: ${text}${e instanceof InUse ? '' : `\n\n${usage}`}`);
  process.exit(2);
});
