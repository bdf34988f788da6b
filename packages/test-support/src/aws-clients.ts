import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';

/** The embedded default's account, Region and keys (the README's defaults). */
export const TEST_ACCOUNT_ID = '000000000000';
export const TEST_REGION = 'us-east-1';
export const TEST_CREDENTIALS: TestCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Keys a client signs with (a session token for a role's temporary keys). */
export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** `maxAttempts: 1` lets a test see every answer (no SDK retries). */
export interface ClientOptions {
  readonly maxAttempts?: number;
}

const attempts = ({ maxAttempts }: ClientOptions) => (maxAttempts ? { maxAttempts } : {});

/** The role local-aws's test fixture creates (trusts Batch Operations, allows s3:* and lambda:InvokeFunction). */
export const TEST_ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT_ID}:role/batchops-test`;

/** A trust policy that lets S3 Batch Operations assume a role. */
export const BATCH_OPERATIONS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** Path-style S3 client for a local endpoint, signed with test/test unless told otherwise. */
export function s3ClientFor(
  url: string,
  credentials = TEST_CREDENTIALS,
  options: ClientOptions = {},
): S3Client {
  return new S3Client({
    region: TEST_REGION,
    endpoint: url,
    forcePathStyle: true,
    credentials,
    ...attempts(options),
  });
}

/** S3 Control client pointed straight at a local endpoint (no account prefix in front of the host). */
export function s3ControlClientFor(url: string, credentials = TEST_CREDENTIALS): S3ControlClient {
  return new S3ControlClient({
    region: TEST_REGION,
    credentials,
    endpointProvider: () => ({ url: new URL(`${url.replace(/\/$/, '')}/`) }),
  });
}

/** IAM client for a local endpoint. */
export function iamClientFor(url: string, credentials = TEST_CREDENTIALS): IAMClient {
  return new IAMClient({ region: TEST_REGION, endpoint: url, credentials });
}

/** Lambda client for a local endpoint; `maxAttempts: 1` lets a test see every answer (no SDK retries). */
export function lambdaClientFor(
  url: string,
  credentials = TEST_CREDENTIALS,
  { maxAttempts }: { maxAttempts?: number } = {},
): LambdaClient {
  return new LambdaClient({
    region: TEST_REGION,
    endpoint: url,
    credentials,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}
