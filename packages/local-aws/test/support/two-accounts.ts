import type { S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import type { LocalAwsOptions } from '../../src/index.js';
import { type LocalAwsFixture, startFixture } from './local-aws-fixture.js';

/** Account A signs with test/test (the fixture's clients), account B with these keys. */
export const ACCOUNT_A = '000000000000';
export const ACCOUNT_B = '111111111111';
export const B_KEYS = { accessKeyId: 'other', secretAccessKey: 'other-secret' };

export interface TwoAccounts {
  readonly fx: LocalAwsFixture;
  /** S3 clients of account A and account B. */
  readonly a: S3Client;
  readonly b: S3Client;
  close(): Promise<void>;
}

/** local-aws with the accounts A and B (cross-account tests). */
export async function startTwoAccounts(
  options: Omit<LocalAwsOptions, 'dataDir' | 'port' | 'credentials'> = {},
): Promise<TwoAccounts> {
  const fx = await startFixture({
    ...options,
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test', accountId: ACCOUNT_A },
      { ...B_KEYS, accountId: ACCOUNT_B },
    ],
  });
  const b = s3ClientFor(fx.aws.url, B_KEYS);
  return {
    fx,
    a: fx.s3,
    b,
    async close() {
      b.destroy();
      await fx.close();
    },
  };
}
