#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNT_ID, startLocalAws } from './server.js';
import type { Credential } from './sigv4/verify-sigv4.js';

const usage = `batchops-local-aws — a local S3 + S3 Control + Lambda endpoint

  --port <n>             port to listen on (default 4566; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --allow-host <name>    another Host name to answer to (repeatable; loopback names always are)
  --data-dir <dir>       where data is kept (default ./.batchops/local-aws)
  --credentials <list>   AKID:SECRET[:ACCOUNT],… (default test:test:${DEFAULT_ACCOUNT_ID})
  --seed-demo            create the demo buckets, objects and manifest on the first start
  --concurrency <n>      Batch Operations tasks in flight over all jobs (default 64)
  --lambda-pool <n>      warm worker processes per Lambda function (default 4)
  -h, --help`;

function parseCredentials(list: string): Credential[] {
  return list.split(',').map((entry) => {
    const [accessKeyId, secretAccessKey, accountId = DEFAULT_ACCOUNT_ID] = entry.split(':');
    if (!accessKeyId || !secretAccessKey || !/^\d{12}$/.test(accountId)) {
      throw new Error(`--credentials: '${entry}' is not AKID:SECRET[:12-digit-account]`);
    }
    return { accessKeyId, secretAccessKey, accountId };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true },
      'data-dir': { type: 'string', default: '.batchops/local-aws' },
      credentials: { type: 'string' },
      'seed-demo': { type: 'boolean' },
      concurrency: { type: 'string' },
      'lambda-pool': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: '${values.port}' is not a port`);
  const poolSize = values['lambda-pool'] === undefined ? undefined : Number(values['lambda-pool']);
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64))
    throw new Error(`--lambda-pool: '${values['lambda-pool']}' is not a number from 1 to 64`);
  const handle = await startLocalAws({
    port,
    host: values.host,
    ...(values['allow-host'] ? { allowedHosts: values['allow-host'] } : {}),
    dataDir: values['data-dir'],
    ...(values.credentials ? { credentials: parseCredentials(values.credentials) } : {}),
    ...(values['seed-demo'] ? { seedDemo: true } : {}),
    ...(values.concurrency ? { engine: { concurrency: Number(values.concurrency) } } : {}),
    ...(poolSize !== undefined ? { lambda: { poolSize } } : {}),
    log: (line) => console.log(line),
  });
  const stop = () => void handle.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`batchops-local-aws: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  process.exit(2);
});
