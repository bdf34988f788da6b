import { join } from 'node:path';
import { openDataDir } from './compose/data-dir.js';
import { closeHttp, listenHttp } from './compose/http-listener.js';
import { createIdentity } from './compose/identity.js';
import { createJobEngine } from './compose/job-engine.js';
import { createS3Services } from './compose/s3-services.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_CREDENTIALS } from './defaults.js';
import {
  DEMO_MANIFEST_KEY,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
  demoRoles,
  seedDemo,
} from './demo-seed.js';
import { createRequestHandler } from './http/request-handler.js';
import { FunctionRoles } from './lambda/function-roles.js';
import { LambdaService } from './lambda/lambda-service.js';
import type { LocalAws, LocalAwsHandle, LocalAwsOptions } from './local-aws-options.js';

/** Compose local-aws from its options: stores, the engine and the request handler. */
export function createLocalAws(options: LocalAwsOptions): LocalAws {
  const { dataDir, remove } = openDataDir(options.dataDir);
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const defaultAccount = credentials[0]?.accountId ?? DEFAULT_ACCOUNT_ID;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  // The demo's roles are seeded on every start with the demo (data directories seeded before roles existed get them).
  const seeds = [...(options.roles ?? []), ...(options.seedDemo ? demoRoles(defaultAccount) : [])];
  const identity = createIdentity(dataDir, seeds, defaultAccount, now());
  const s3 = createS3Services(
    dataDir,
    options,
    defaultAccount,
    identity.authorizer,
    new Set(credentials.map((c) => c.accountId)),
    now,
    log,
  );
  // Jobs and functions call this endpoint; its URL is known once listening.
  let endpoint = '';
  const lambda = new LambdaService(
    join(dataDir, 'lambda'),
    { poolSize: 4, ...options.lambda },
    { authorizer: identity.authorizer, roles: new FunctionRoles(identity.iam, identity.sessions) },
    () => endpoint,
  );
  const jobs = createJobEngine({
    dataDir,
    options,
    credentials,
    endpoint: () => endpoint,
    handle: () => handle,
    s3,
    jobRoles: identity.jobRoles,
    now,
    log,
  });
  const { engine } = jobs;
  const handle = createRequestHandler({
    credentials,
    lookupKey: identity.lookupKey,
    iam: { store: identity.iam, authorizer: identity.authorizer, now },
    s3,
    engine,
    lambda,
    listenHost: host,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    now,
    log,
  });

  const stopWork = async () => {
    await engine.close();
    await s3.replication.close();
    lambda.close();
    jobs.agent.destroy();
  };
  const releaseStores = () => {
    s3.meta.close();
    identity.iam.close();
    remove();
  };

  const listen = async (): Promise<LocalAwsHandle> => {
    const { server, url, port } = await listenHttp(handle, options.port ?? 4566, host, log);
    endpoint = url;
    engine.start();
    // Live replications a restart left queued resume now.
    s3.replication.start();
    log(`local-aws listening on ${url} (data: ${dataDir})`);
    const key = credentials[0];
    if (
      options.seedDemo &&
      key &&
      (await seedDemo(jobs.engineS3.forJob(key.accountId, s3.region), dataDir))
    ) {
      log(
        `seeded the demo: s3://${DEMO_SOURCE_BUCKET} (540 objects), s3://${DEMO_REPORTS_BUCKET}, manifest s3://${DEMO_SOURCE_BUCKET}/${DEMO_MANIFEST_KEY}, role ${DEMO_ROLE_ARN(key.accountId)}`,
      );
    }
    const close = async () => {
      await stopWork();
      await closeHttp(server);
      releaseStores();
    };
    return { url, port, host, dataDir, engine: () => engine, lambda: () => lambda, close };
  };

  const close = async () => {
    await stopWork();
    releaseStores();
  };
  return { dataDir, s3, engine, lambda, handle, listen, close };
}

/** Compose local-aws and listen (`port: 0` picks a free port). */
export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAwsHandle> {
  return createLocalAws(options).listen();
}
