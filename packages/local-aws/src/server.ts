import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Engine } from '@batchops/engine';
import {
  DEMO_MANIFEST_KEY,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
  demoRoles,
  seedDemo,
} from './demo-seed.js';
import { createEngineLambdaClients, createEngineS3Clients } from './engine-s3-clients.js';
import { inProcessTransport } from './http/in-process-transport.js';
import { createNodeServer } from './http/node-server.js';
import { createRequestHandler, type RequestHandler } from './http/request-handler.js';
import { Authorizer } from './iam/authorizer.js';
import { IamStore } from './iam/iam-store.js';
import { JobRoles } from './iam/job-roles.js';
import { RoleSessions } from './iam/role-sessions.js';
import { FunctionRoles } from './lambda/function-roles.js';
import { LambdaService, type LambdaSettings } from './lambda/lambda-service.js';
import { replicateObject } from './s3/operations/replicate-object.js';
import { Replicator } from './s3/replication/replicator.js';
import type { S3Services, S3Settings } from './s3/s3-context.js';
import { mayWriteInto } from './s3/write-consent.js';
import type { Credential } from './sigv4/verify-sigv4.js';
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
  /**
   * Host names local-aws answers to besides localhost, 127.0.0.1, [::1], *.localhost,
   * <prefix>.127.0.0.1 and `host` (decision 0006), e.g. a Docker service name.
   */
  readonly allowedHosts?: readonly string[];
  /** Where buckets, objects and jobs are kept; created when missing. Omitted: a temporary directory removed on close. */
  readonly dataDir?: string;
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
  /** Lambda: warm worker processes per function (default 4). */
  readonly lambda?: Partial<LambdaSettings>;
  /**
   * Roles to create at start when missing (tests: `roles: [TEST_ROLE]`); existing roles are left
   * as they are.
   */
  readonly roles?: readonly RoleSeed[];
  /** Stores to use instead of the ones under `dataDir` (tests inject failing disks). */
  readonly stores?: { readonly blobs?: BlobStore; readonly meta?: S3MetaStore };
}

/** A role with its trust policy and inline policies (JSON text). */
export interface RoleSeed {
  readonly accountId?: string;
  readonly name: string;
  readonly trustPolicy: string;
  readonly policies: Readonly<Record<string, string>>;
  readonly description?: string;
}

/** The trust policy that lets S3 Batch Operations assume a role. */
export const BATCH_OPERATIONS_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** The role every test job uses: arn:aws:iam::000000000000:role/batchops-test, allowed s3:* and lambda:InvokeFunction. */
export const TEST_ROLE: RoleSeed = {
  name: 'batchops-test',
  description: 'Test jobs: S3 Batch Operations may do anything in S3 and invoke functions',
  trustPolicy: BATCH_OPERATIONS_TRUST_POLICY,
  policies: {
    'batchops-test': JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 'lambda:InvokeFunction'], Resource: '*' }],
    }),
  },
};
export const TEST_ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/batchops-test`;

/** Create the roles that are missing, with their inline policies. */
export function seedRoles(
  iam: IamStore,
  roles: readonly RoleSeed[],
  defaultAccount: string,
  now: Date,
): void {
  for (const seed of roles) {
    const accountId = seed.accountId ?? defaultAccount;
    if (iam.getRole(accountId, seed.name)) continue;
    iam.createRole({
      accountId,
      name: seed.name,
      path: '/',
      trustPolicy: seed.trustPolicy,
      created: now.getTime(),
      ...(seed.description ? { description: seed.description } : {}),
    });
    for (const [policyName, document] of Object.entries(seed.policies))
      iam.putPolicy(accountId, 'role', seed.name, policyName, document);
  }
}

export interface LocalAwsHandle {
  /** e.g. http://127.0.0.1:4566 */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The Batch Operations engine serving S3 Control (tests and benches observe it). */
  engine(): Engine;
  /** The Lambda functions and their worker processes (tests observe them). */
  lambda(): LambdaService;
  close(): Promise<void>;
}

/** local-aws put together but not listening: its stores, engine and request handler. */
export interface LocalAws {
  readonly dataDir: string;
  readonly s3: S3Services;
  readonly engine: Engine;
  readonly lambda: LambdaService;
  /** Requests in, responses out, no socket needed (tests may call it directly). */
  readonly handle: RequestHandler;
  /** Listen, start the engine (it resumes unfinished jobs), and seed the demo when asked. */
  listen(): Promise<LocalAwsHandle>;
  /** Release the stores when `listen` was never called. */
  close(): Promise<void>;
}

/** Compose local-aws from its options: stores, the engine and the request handler. */
export function createLocalAws(options: LocalAwsOptions): LocalAws {
  const ephemeral = options.dataDir === undefined;
  const dataDir = ephemeral ? mkdtempSync(join(tmpdir(), 'batchops-local-aws-')) : resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const removeEphemeral = () => ephemeral && rmSync(dataDir, { recursive: true, force: true });
  // Every account's data: the server's user only (functions run as another, decision 0024).
  chmodSync(dataDir, 0o700);
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';

  const meta =
    options.stores?.meta ??
    new S3MetaStore(join(dataDir, 's3.sqlite'), credentials[0]?.accountId ?? DEFAULT_ACCOUNT_ID);
  const iam = new IamStore(join(dataDir, 'iam.sqlite'));
  const authorizer = new Authorizer(iam);
  const sessions = new RoleSessions();
  const jobRoles = new JobRoles(iam, sessions);
  const defaultAccount = credentials[0]?.accountId ?? DEFAULT_ACCOUNT_ID;
  // The demo's roles are seeded on every start with the demo (data directories seeded before roles existed get them).
  seedRoles(
    iam,
    [...(options.roles ?? []), ...(options.seedDemo ? demoRoles(defaultAccount) : [])],
    defaultAccount,
    now(),
  );
  const blobs = options.stores?.blobs ?? new BlobStore(join(dataDir, 'blobs'), options.fsync ?? false);
  const settings: S3Settings = {
    restoreDelayMs: 2000,
    restoreDayMs: 86_400_000,
    replicationDelayMs: 0,
    ...options.s3,
  };
  const replication = new Replicator({
    meta,
    blobs,
    now,
    delayMs: () => settings.replicationDelayMs,
    log,
    mayWriteInto,
  });
  const s3: S3Services = {
    meta,
    authorizer,
    blobs,
    region: options.region ?? 'us-east-1',
    settings,
    replication,
    now,
  };

  // The engine's tasks go through this endpoint's own S3 API; its URL is known once listening.
  let endpoint = '';
  const concurrency = options.engine?.concurrency ?? 64;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency + 8 });
  // The engine's S3 calls skip the socket: same handler, checks and signature (decision 0029).
  const engineS3 = createEngineS3Clients(
    credentials,
    () => endpoint,
    agent,
    inProcessTransport(() => handle),
  );
  const engineLambda = createEngineLambdaClients(credentials, () => endpoint, agent);
  const lambda = new LambdaService(
    join(dataDir, 'lambda'),
    { poolSize: 4, ...options.lambda },
    { authorizer, roles: new FunctionRoles(iam, sessions) },
    () => endpoint,
  );
  // Every call of a job is its role's: S3 and Lambda over HTTP, Batch Replication in-process.
  const engine = new Engine({
    dataDir: join(dataDir, 'engine'),
    s3: (accountId, region, roleArn) =>
      engineS3.forJob(accountId, region, jobRoles.credential(accountId, roleArn)),
    // The listing behind a generated manifest is S3's own (the inventory the role configured).
    inventoryS3: (accountId, region) => engineS3.forJob(accountId, region),
    lambda: (accountId, region, roleArn) =>
      engineLambda.forJob(accountId, region, jobRoles.credential(accountId, roleArn)),
    replicate: (accountId, _region, roleArn, object) =>
      replicateObject(s3, jobRoles.credential(accountId, roleArn).principal, object),
    assumeRole: (accountId, roleArn) => jobRoles.refusal(accountId, roleArn),
    concurrency,
    now,
    log,
    ...(options.engine?.flushMs !== undefined ? { flushMs: options.engine.flushMs } : {}),
  });
  // Keys besides the roots': role sessions (the engine), then IAM users' active access keys.
  const lookupKey = (accessKeyId: string) => {
    const session = sessions.lookup(accessKeyId);
    if (session) return session;
    const key = iam.accessKey(accessKeyId);
    if (key?.status !== 'Active') return undefined;
    const user = iam.getUser(key.accountId, key.userName);
    if (!user) return undefined;
    return {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      accountId: key.accountId,
      principal: {
        kind: 'user' as const,
        accountId: key.accountId,
        name: user.name,
        arn: user.arn,
        id: user.id,
      },
    };
  };
  const handle = createRequestHandler({
    credentials,
    lookupKey,
    iam: { store: iam, authorizer, now },
    s3,
    engine,
    lambda,
    listenHost: host,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    now,
    log,
  });

  const closeStores = async () => {
    await engine.close();
    await replication.close();
    lambda.close();
    agent.destroy();
    meta.close();
    iam.close();
    removeEphemeral();
  };

  return {
    dataDir,
    s3,
    engine,
    lambda,
    handle,
    close: closeStores,
    async listen() {
      const server = createNodeServer(handle, log);
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(options.port ?? 4566, host, () => {
          server.off('error', fail);
          ok();
        });
      });
      const port = (server.address() as AddressInfo).port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      endpoint = url;
      engine.start();
      // Live replications a restart left queued resume now.
      replication.start();
      log(`local-aws listening on ${url} (data: ${dataDir})`);
      const key = credentials[0];
      if (options.seedDemo && key && (await seedDemo(engineS3.forJob(key.accountId, s3.region), dataDir))) {
        log(
          `seeded the demo: s3://${DEMO_SOURCE_BUCKET} (540 objects), s3://${DEMO_REPORTS_BUCKET}, manifest s3://${DEMO_SOURCE_BUCKET}/${DEMO_MANIFEST_KEY}, role ${DEMO_ROLE_ARN(key.accountId)}`,
        );
      }
      return {
        url,
        port,
        host,
        dataDir,
        engine: () => engine,
        lambda: () => lambda,
        close: async () => {
          await engine.close();
          await replication.close();
          lambda.close();
          agent.destroy();
          await new Promise<void>((ok) => {
            server.close(() => {
              meta.close();
              iam.close();
              removeEphemeral();
              ok();
            });
            server.closeAllConnections();
          });
        },
      };
    },
  };
}

/** Compose local-aws and listen (`port: 0` picks a free port). */
export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAwsHandle> {
  return createLocalAws(options).listen();
}
