import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { Engine } from '@batchops/engine';
import {
  DEMO_MANIFEST_KEY,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
  seedDemo,
} from './demo-seed.js';
import { type Protocol, renderError, ServiceError } from './errors/service-error.js';
import type { HandlerResult } from './http/handler-types.js';
import { parseRequestTarget } from './http/request-target.js';
import type { S3Services, S3Settings } from './s3/s3-context.js';
import { routeS3 } from './s3/s3-router.js';
import { routeS3Control, S3CONTROL_PREFIX } from './s3control/s3control-router.js';
import { type Credential, verifySigV4 } from './sigv4/verify-sigv4.js';
import { BlobStore } from './store/blob-store.js';
import { S3MetaStore } from './store/s3-meta-store.js';

export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_CREDENTIALS: readonly Credential[] = [
  { accessKeyId: 'test', secretAccessKey: 'test', accountId: DEFAULT_ACCOUNT_ID },
];

export interface LocalAwsOptions {
  /** 0 picks a free port. Default 4566. */
  readonly port?: number;
  /** Default 127.0.0.1: local-aws is not meant to be reachable from other machines. */
  readonly host?: string;
  /** Where buckets, objects and jobs are kept; created when missing. */
  readonly dataDir: string;
  /** Keys that may sign requests. Default test/test for account 000000000000. */
  readonly credentials?: readonly Credential[];
  readonly log?: (line: string) => void;
  /** Region of new buckets without a LocationConstraint. Default us-east-1. */
  readonly region?: string;
  /** Simulated restore timing (GLACIER / DEEP_ARCHIVE). */
  readonly s3?: Partial<S3Settings>;
  /** fsync blob files before committing (power-loss durability; a process crash is safe without it). */
  readonly fsync?: boolean;
  /** The clock (tests). */
  readonly now?: () => Date;
  /** Create the demo buckets, objects and manifest on the first start with this data directory. */
  readonly seedDemo?: boolean;
  /** Batch Operations engine tuning: tasks in flight over all jobs, result commit interval. */
  readonly engine?: { readonly concurrency?: number; readonly flushMs?: number };
}

export interface LocalAwsHandle {
  /** e.g. http://127.0.0.1:4566 */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The Batch Operations engine serving S3 Control (tests and benches observe it). */
  engine(): Engine;
  close(): Promise<void>;
}

// Request ids: a random prefix per process and a counter (random bytes per request cost CPU).
const idPrefix = randomBytes(4).toString('hex').toUpperCase();
let idCounter = 0;
const requestId = () => `${idPrefix}${(++idCounter).toString(16).toUpperCase().padStart(8, '0')}`;
const hostIdBase = randomBytes(24).toString('base64');
const hostId = () => `${hostIdBase}${idCounter.toString(36)}`;

function protocolOf(rawPath: string): Protocol {
  return rawPath.startsWith(S3CONTROL_PREFIX) || rawPath === '/v20180820' ? 's3control' : 's3';
}

export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAwsHandle> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const keys = new Map((options.credentials ?? DEFAULT_CREDENTIALS).map((c) => [c.accessKeyId, c]));
  const log = options.log ?? (() => {});

  const now = options.now ?? (() => new Date());
  const meta = new S3MetaStore(join(dataDir, 's3.sqlite'));
  const blobs = new BlobStore(join(dataDir, 'blobs'), options.fsync ?? false);
  const s3: S3Services = {
    meta,
    blobs,
    region: options.region ?? 'us-east-1',
    settings: { restoreDelayMs: 2000, restoreDayMs: 86_400_000, ...options.s3 },
    now,
  };

  let engine: Engine;

  async function handle(req: IncomingMessage): Promise<HandlerResult> {
    const target = parseRequestTarget(req.url ?? '/');
    const headers = req.headersDistinct;
    const identity = verifySigV4(
      { method: req.method ?? 'GET', target, headers },
      (id) => keys.get(id),
      now(),
    );
    const ctx = { method: req.method ?? 'GET', target, headers, identity, body: req };
    if (protocolOf(target.rawPath) === 's3control') return routeS3Control(ctx, engine);
    return routeS3(ctx, s3);
  }

  function send(
    res: ServerResponse,
    ids: { requestId: string; hostId: string },
    result: HandlerResult,
  ): void {
    res.statusCode = result.status;
    res.setHeader('x-amz-request-id', ids.requestId);
    res.setHeader('x-amz-id-2', ids.hostId);
    res.setHeader('server', 'batchops-local-aws');
    for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
    const body = result.body;
    if (body instanceof Readable) {
      body.on('error', () => res.destroy());
      body.pipe(res);
    } else {
      if (body !== undefined) res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
    }
  }

  const server = createServer(async (req, res) => {
    const ids = { requestId: requestId(), hostId: hostId() };
    const protocol = protocolOf(parseRequestTarget(req.url ?? '/').rawPath);
    let result: HandlerResult;
    try {
      result = await handle(req);
    } catch (e) {
      const err =
        e instanceof ServiceError
          ? e
          : new ServiceError(
              500,
              protocol === 's3control' ? 'InternalServiceException' : 'InternalError',
              'We encountered an internal error. Please try again.',
            );
      if (!(e instanceof ServiceError))
        log(`internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? e}`);
      result = {
        status: err.status,
        headers: { 'content-type': 'application/xml', ...err.headers },
        body: req.method === 'HEAD' ? undefined : renderError(protocol, err, ids.requestId, ids.hostId),
      };
      // Whatever the client still sends is read and dropped so the connection can be reused.
      if (!req.readableEnded) req.resume();
    }
    if (res.headersSent || res.destroyed) return;
    send(res, ids, result);
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.keepAliveTimeout = 65_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Jobs run their tasks through this endpoint's own S3 API, as Batch Operations does on AWS.
  const concurrency = options.engine?.concurrency ?? 64;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency + 8 });
  const clients = new Map<string, S3Client>();
  const engineS3 = (accountId: string, region: string): S3Client => {
    const id = `${accountId}/${region}`;
    let client = clients.get(id);
    if (!client) {
      const key = [...keys.values()].find((c) => c.accountId === accountId);
      if (!key) throw new Error(`no credentials for account ${accountId}`);
      client = new S3Client({
        region,
        endpoint: url,
        forcePathStyle: true,
        credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 5,
        requestHandler: { httpAgent: agent },
      });
      clients.set(id, client);
    }
    return client;
  };
  engine = new Engine({
    dataDir: join(dataDir, 'engine'),
    s3: engineS3,
    concurrency,
    now,
    log,
    ...(options.engine?.flushMs !== undefined ? { flushMs: options.engine.flushMs } : {}),
  });
  engine.start();
  log(`local-aws listening on ${url} (data: ${dataDir})`);
  if (options.seedDemo) {
    const key = [...keys.values()][0];
    if (key && (await seedDemo(engineS3(key.accountId, s3.region), dataDir))) {
      log(
        `seeded the demo: s3://${DEMO_SOURCE_BUCKET} (540 objects), s3://${DEMO_REPORTS_BUCKET}, manifest s3://${DEMO_SOURCE_BUCKET}/${DEMO_MANIFEST_KEY}, role ${DEMO_ROLE_ARN(key.accountId)}`,
      );
    }
  }
  return {
    url,
    port,
    host,
    dataDir,
    engine: () => engine,
    close: async () => {
      await engine.close();
      for (const c of clients.values()) c.destroy();
      agent.destroy();
      await new Promise<void>((ok) => {
        server.close(() => {
          meta.close();
          ok();
        });
        server.closeAllConnections();
      });
    },
  };
}
