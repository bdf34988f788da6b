// The installable package's entry (decision 0027): its types stand alone, so the tarball ships no
// workspace types; the compiler checks that they fit the options and handle of local-aws-options.ts.
import { DEFAULT_ACCOUNT_ID as ACCOUNT_ID } from './defaults.js';
import {
  TEST_ROLE as ROLE,
  TEST_ROLE_ARN as ROLE_ARN,
  BATCH_OPERATIONS_TRUST_POLICY as TRUST_POLICY,
} from './iam/role-seeds.js';
import type { LocalAwsHandle, LocalAwsOptions } from './local-aws-options.js';
import { startLocalAws as start } from './server.js';

/** A key that may sign requests, and the account it is the root of. */
export interface LocalAwsCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
}

/** A role created at start when missing: trust policy and inline policies as JSON text. */
export interface LocalAwsRole {
  readonly accountId?: string;
  readonly name: string;
  readonly trustPolicy: string;
  readonly policies: Readonly<Record<string, string>>;
  readonly description?: string;
}

export interface StartLocalAwsOptions {
  /** 0 picks a free port. Default 4566. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Host names answered besides the loopback names (e.g. a Docker service name). */
  readonly allowedHosts?: readonly string[];
  /** Kept across restarts; omitted: a temporary directory removed by close(). */
  readonly dataDir?: string;
  /** Default test/test for account 000000000000. */
  readonly credentials?: readonly LocalAwsCredential[];
  /** Region of buckets created without a LocationConstraint. Default us-east-1. */
  readonly region?: string;
  /** Create the demo buckets, objects, manifest and roles. */
  readonly seedDemo?: boolean;
  /** Roles to create when missing, e.g. [TEST_ROLE]. */
  readonly roles?: readonly LocalAwsRole[];
  readonly log?: (line: string) => void;
  /** Batch Operations tasks in flight over all jobs (default 64). */
  readonly engine?: { readonly concurrency?: number };
  /** Warm worker processes per Lambda function (default 4). */
  readonly lambda?: { readonly poolSize?: number };
  /**
   * Simulated restores: ms until a GLACIER / DEEP_ARCHIVE restore completes, for every tier or per
   * tier (default Expedited 2,000, Standard 10,000, Bulk 30,000), and the ms of a restore day
   * (RestoreRequest's Days; default 86,400,000).
   */
  readonly s3?: {
    readonly restoreDelayMs?:
      | number
      | { readonly Expedited?: number; readonly Standard?: number; readonly Bulk?: number };
    readonly restoreDayMs?: number;
  };
}

export interface RunningLocalAws {
  /** e.g. http://127.0.0.1:4566 */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Stop serving and release the stores; removes a temporary data directory. */
  close(): Promise<void>;
}

/** Start local-aws: `const aws = await startLocalAws({ port: 0 })`, then `await aws.close()`. */
export function startLocalAws(options: StartLocalAwsOptions = {}): Promise<RunningLocalAws> {
  const checked: LocalAwsOptions = options;
  const running: Promise<LocalAwsHandle> = start(checked);
  return running;
}

export const DEFAULT_ACCOUNT_ID: string = ACCOUNT_ID;
/** The trust policy that lets S3 Batch Operations assume a role. */
export const BATCH_OPERATIONS_TRUST_POLICY: string = TRUST_POLICY;
/** batchops-test: trusts Batch Operations, allows s3:* and lambda:InvokeFunction. */
export const TEST_ROLE: LocalAwsRole = ROLE;
export const TEST_ROLE_ARN: string = ROLE_ARN;
