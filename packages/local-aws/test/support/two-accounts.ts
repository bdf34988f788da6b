import type { S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import { afterAll } from 'vitest';
import { type FixtureOptions, type LocalAwsFixture, useFixture } from './local-aws-fixture.js';

/** Account A signs with test/test (the fixture's clients), account B with these keys. */
export const ACCOUNT_A = '000000000000';
export const ACCOUNT_B = '111111111111';
export const B_KEYS = { accessKeyId: 'other', secretAccessKey: 'other-secret' };

export interface TwoAccounts {
  readonly fx: LocalAwsFixture;
  /** S3 clients of account A and account B. */
  readonly a: S3Client;
  readonly b: S3Client;
}

/**
 * local-aws with the accounts A and B for a file or describe block (cross-account tests), as
 * `useFixture`: read its fields inside tests and hooks.
 */
export function useTwoAccounts(
  options: Omit<FixtureOptions, 'credentials'> = {},
  setup?: (accounts: TwoAccounts) => Promise<void>,
): TwoAccounts {
  const holder = {} as { fx: LocalAwsFixture; a: S3Client; b: S3Client };
  holder.fx = useFixture(
    {
      ...options,
      credentials: [
        { accessKeyId: 'test', secretAccessKey: 'test', accountId: ACCOUNT_A },
        { ...B_KEYS, accountId: ACCOUNT_B },
      ],
    },
    async (fx) => {
      holder.a = fx.s3;
      holder.b = s3ClientFor(fx.aws.url, B_KEYS);
      await setup?.(holder);
    },
  );
  afterAll(() => holder.b?.destroy());
  return holder;
}
