import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import {
  iamClientFor,
  lambdaClientFor,
  s3ClientFor,
  s3ControlClientFor,
  TEST_CREDENTIALS,
} from '@batchops/test-support';
import { afterAll, beforeAll } from 'vitest';
import { type LocalAwsHandle, type LocalAwsOptions, startLocalAws, TEST_ROLE } from '../../src/index.js';

export { TEST_ROLE_ARN } from '../../src/index.js';

/** The AWS CLI the wire tests drive (Debian's by default; BATCHOPS_AWS_CLI names another). */
export const AWS_CLI = process.env.BATCHOPS_AWS_CLI ?? '/usr/bin/aws';

export { TEST_ACCOUNT_ID as ACCOUNT_ID, TEST_CREDENTIALS as CREDENTIALS } from '@batchops/test-support';

export interface LocalAwsFixture {
  readonly aws: LocalAwsHandle;
  readonly dataDir: string;
  /** Path-style S3 client signed with test/test. */
  readonly s3: S3Client;
  /** S3 Control client pointed straight at local-aws (no account prefix in front of the host). */
  readonly s3control: S3ControlClient;
  /** IAM (and STS's Query endpoint) client signed with test/test. */
  readonly iam: IAMClient;
  /** Lambda client signed with test/test that never retries (a test sees every answer). */
  readonly lambda: LambdaClient;
  /** Environment for the AWS CLI against this server. */
  readonly cliEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export type FixtureOptions = Omit<LocalAwsOptions, 'dataDir' | 'port'> & { dataDir?: string };

/**
 * local-aws on port 0 in a new temporary data directory, with SDK clients; `close` removes it all.
 * The role TEST_ROLE_ARN (arn:aws:iam::000000000000:role/batchops-test: trusts Batch Operations,
 * allows s3:* and lambda:InvokeFunction) exists: jobs of tests use it.
 */
export async function startFixture(options: FixtureOptions = {}): Promise<LocalAwsFixture> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'local-aws-'));
  const aws = await startLocalAws({
    ...options,
    roles: [TEST_ROLE, ...(options.roles ?? [])],
    port: 0,
    dataDir,
  });
  const s3 = s3ClientFor(aws.url);
  const s3control = s3ControlClientFor(aws.url);
  const iam = iamClientFor(aws.url);
  const lambda = lambdaClientFor(aws.url, undefined, { maxAttempts: 1 });
  return {
    aws,
    dataDir,
    s3,
    s3control,
    iam,
    lambda,
    cliEnv: {
      PATH: process.env.PATH,
      HOME: dataDir,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async close() {
      s3.destroy();
      s3control.destroy();
      iam.destroy();
      lambda.destroy();
      await aws.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The fixture of a file or describe block: started (then `setup`) before its tests, closed after
 * them. Read its fields inside tests and hooks, not at collection time (it is empty until then).
 */
export function useFixture(
  options: FixtureOptions = {},
  setup?: (f: LocalAwsFixture) => Promise<void>,
  setupTimeoutMs?: number,
): LocalAwsFixture {
  const holder = {} as LocalAwsFixture;
  beforeAll(async () => {
    Object.assign(holder, await startFixture(options));
    await setup?.(holder);
  }, setupTimeoutMs);
  afterAll(() => holder.close?.());
  return holder;
}

/** The error a call fails with (the test fails when it succeeds). */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as Error & {
      Code?: string;
      $metadata: { httpStatusCode?: number; requestId?: string };
      $response?: { headers: Record<string, string> };
    };
  }
  throw new Error('expected the call to fail');
}
