import type { Engine } from '@batchops/engine';
import type { RequestHandler } from './http/handler-types.js';
import type { RoleSeed } from './iam/role-seeds.js';
import type { LambdaService, LambdaSettings } from './lambda/lambda-service.js';
import type { RestoreDelayOption } from './s3/restore-timing.js';
import type { S3Services, S3Settings } from './s3/s3-context.js';
import type { Credential } from './sigv4/verify-sigv4.js';
import type { BlobStore } from './store/blob-store.js';
import type { S3MetaStore } from './store/s3-meta-store.js';

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
  /**
   * Simulated restore timing (GLACIER / DEEP_ARCHIVE): `restoreDelayMs` for every tier or per tier
   * (defaults 2 s / 10 s / 30 s), `restoreDayMs` the length of a restore day; live replication's delay.
   */
  readonly s3?: Partial<Omit<S3Settings, 'restoreDelayMs'>> & {
    readonly restoreDelayMs?: RestoreDelayOption;
  };
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
