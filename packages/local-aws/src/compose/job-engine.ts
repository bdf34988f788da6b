import { Agent } from 'node:http';
import { join } from 'node:path';
import { Engine } from '@batchops/engine';
import { createEngineLambdaClients, createEngineS3Clients } from '../engine-s3-clients.js';
import type { RequestHandler } from '../http/handler-types.js';
import { inProcessTransport } from '../http/in-process-transport.js';
import type { JobRoles } from '../iam/job-roles.js';
import type { LocalAwsOptions } from '../local-aws-options.js';
import { replicateObject } from '../s3/operations/replicate-object.js';
import type { S3Services } from '../s3/s3-context.js';
import type { Credential } from '../sigv4/verify-sigv4.js';

export interface JobEngineDeps {
  readonly dataDir: string;
  readonly options: LocalAwsOptions;
  readonly credentials: readonly Credential[];
  /** This endpoint's URL, known once listening. */
  readonly endpoint: () => string;
  /** The request handler, made after the engine. */
  readonly handle: () => RequestHandler;
  readonly s3: S3Services;
  readonly jobRoles: JobRoles;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

/**
 * The Batch Operations engine, wired so that every call of a job is its role's: S3 through this
 * endpoint's own handler in-process (decision 0029), Lambda over HTTP, Batch Replication in-process.
 */
export function createJobEngine(deps: JobEngineDeps) {
  const { options, jobRoles, s3 } = deps;
  const concurrency = options.engine?.concurrency ?? 64;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency + 8 });
  const engineS3 = createEngineS3Clients(
    deps.credentials,
    deps.endpoint,
    agent,
    inProcessTransport(() => deps.handle()),
  );
  const engineLambda = createEngineLambdaClients(deps.credentials, deps.endpoint, agent);
  const engine = new Engine({
    dataDir: join(deps.dataDir, 'engine'),
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
    now: deps.now,
    log: deps.log,
    ...(options.engine?.flushMs !== undefined ? { flushMs: options.engine.flushMs } : {}),
  });
  return { engine, engineS3, agent };
}
