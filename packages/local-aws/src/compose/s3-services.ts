import { join } from 'node:path';
import type { Authorizer } from '../iam/authorizer.js';
import type { LocalAwsOptions } from '../local-aws-options.js';
import { AccountPublicAccessBlocks } from '../s3/public-access-block.js';
import { Replicator } from '../s3/replication/replicator.js';
import { restoreDelays } from '../s3/restore-timing.js';
import type { S3Services, S3Settings } from '../s3/s3-context.js';
import { mayWriteInto } from '../s3/write-consent.js';
import { BlobStore } from '../store/blob-store.js';
import { S3MetaStore } from '../store/s3-meta-store.js';

/** S3: metadata and blob stores under `dataDir` (or the injected ones), settings, live replication. */
export function createS3Services(
  dataDir: string,
  options: LocalAwsOptions,
  defaultAccount: string,
  authorizer: Authorizer,
  accounts: ReadonlySet<string>,
  now: () => Date,
  log: (line: string) => void,
): S3Services {
  const meta = options.stores?.meta ?? new S3MetaStore(join(dataDir, 's3.sqlite'), defaultAccount);
  const blobs = options.stores?.blobs ?? new BlobStore(join(dataDir, 'blobs'), options.fsync ?? false);
  const { restoreDelayMs, ...s3 } = options.s3 ?? {};
  const settings: S3Settings = {
    restoreDayMs: 86_400_000,
    replicationDelayMs: 0,
    ...s3,
    restoreDelayMs: restoreDelays(restoreDelayMs),
  };
  const publicAccessBlocks = new AccountPublicAccessBlocks(join(dataDir, 'public-access-block.json'));
  const replication = new Replicator({
    meta,
    blobs,
    now,
    delayMs: () => settings.replicationDelayMs,
    log,
    mayWriteInto: (bucket, writer, action, key) =>
      mayWriteInto(bucket, writer, action, key, publicAccessBlocks),
  });
  return {
    meta,
    authorizer,
    accounts,
    blobs,
    region: options.region ?? 'us-east-1',
    settings,
    replication,
    publicAccessBlocks,
    now,
  };
}
