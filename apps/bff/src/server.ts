import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ConnectionInfo } from '@batchops/contracts';
import {
  DEMO_MANIFEST_KEY,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
  type LocalAwsHandle,
  type RoleSeed,
  restoreDelays,
  startLocalAws,
} from '@batchops/local-aws';
import { type AppDeps, closeApp, createApp } from './app.js';
import { createRegionalClients } from './aws/aws-clients.js';
import type { Config } from './config.js';
import type { PollIntervals } from './jobs/live/job-pollers.js';

export interface RunningConsole {
  readonly url: string;
  readonly port: number;
  readonly localAws: LocalAwsHandle | undefined;
  close(): Promise<void>;
}

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Start the console for a config: local-aws in-process in local mode, then the BFF. */
export interface ConsoleTuning {
  /** Roles the in-process local-aws creates when missing (tests: [TEST_ROLE], decision 0022). */
  readonly localAwsRoles?: readonly RoleSeed[];
  readonly pollIntervals?: PollIntervals;
  readonly listMaxAgeMs?: number;
  readonly sseLimits?: AppDeps['sseLimits'];
}

export async function startConsole(
  config: Config,
  log: (line: string) => void,
  tuning: ConsoleTuning = {},
): Promise<RunningConsole> {
  let localAws: LocalAwsHandle | undefined;
  let endpoint: string | undefined;
  let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  if (config.mode === 'local') {
    const { accessKeyId, secretAccessKey } = config.localAws;
    localAws = await startLocalAws({
      host: config.localAws.host,
      port: config.localAws.port,
      dataDir: config.localAws.dataDir,
      credentials: [{ accessKeyId, secretAccessKey, accountId: config.accountId }],
      region: config.region,
      seedDemo: config.localAws.seedDemo,
      s3: config.localAws.restore,
      ...(tuning.localAwsRoles ? { roles: tuning.localAwsRoles } : {}),
      log,
    });
    endpoint = localAws.url;
    credentials = { accessKeyId, secretAccessKey };
  } else {
    endpoint = config.endpoint;
  }
  const connection: ConnectionInfo = {
    mode: config.mode,
    region: config.region,
    accountId: config.accountId,
    endpoint: endpoint ?? null,
    demo:
      config.mode === 'local' && config.localAws.seedDemo
        ? {
            roleArn: DEMO_ROLE_ARN(config.accountId),
            sourceBucket: DEMO_SOURCE_BUCKET,
            reportsBucket: DEMO_REPORTS_BUCKET,
            manifestKey: DEMO_MANIFEST_KEY,
          }
        : null,
  };
  const clients = createRegionalClients({ region: config.region, endpoint, credentials });
  const app = createApp({
    clients,
    connection,
    webDir: config.webDir,
    serveSourceMaps: config.serveSourceMaps,
    version,
    allowedHosts: config.allowedHosts,
    dataDir: config.consoleDataDir,
    log,
    ...(config.mode === 'local'
      ? { restoreDelaysMs: restoreDelays(config.localAws.restore.restoreDelayMs) }
      : {}),
    ...tuning,
  });
  const server = app.listen(config.port, config.host);
  // A request Node's parser refuses (bad request line, oversized headers) still gets an ApiError.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      code: tooLarge ? 'HeadersTooLarge' : 'MalformedRequest',
      message: tooLarge ? 'The request headers are too large.' : 'The request could not be parsed.',
      fieldErrors: [],
    });
    const head = (err as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', (e) => {
      void localAws?.close();
      fail(e);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '127.0.0.1' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    localAws,
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      closeApp(app);
      clients.destroy();
      await localAws?.close();
    },
  };
}
