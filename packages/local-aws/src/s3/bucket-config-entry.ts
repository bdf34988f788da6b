import { ServiceError } from '../errors/service-error.js';
import type { HandlerResult } from '../http/handler-types.js';
import type { BucketRow } from '../store/s3-rows.js';
import { readBodyText } from '../xml/xml-reader.js';
import type { S3Context } from './s3-context.js';
import { requireBucket } from './s3-errors.js';

// A bucket's sub-resource configurations (policy, tagging, replication, ownership controls, Block
// Public Access…) live in its config under one key each: read, or S3's 404; deleted, 204.

/** S3's 404 for a bucket without the configuration asked for (NoSuchBucketPolicy, NoSuchTagSet…). */
export const noConfiguration = (bucket: string, code: string, message: string) =>
  new ServiceError(404, code, message, { BucketName: bucket });

/** The addressed bucket and its `key` configuration; without one, S3's 404 `code`. */
export function storedConfig<T>(
  ctx: S3Context,
  key: string,
  code: string,
  message: string,
): { bucket: BucketRow; value: T } {
  const bucket = requireBucket(ctx);
  const value = bucket.config[key] as T | undefined;
  if (value === undefined) throw noConfiguration(bucket.name, code, message);
  return { bucket, value };
}

/** The handler of a Put… operation whose XML body `parse` reads into the bucket's `key` configuration (200). */
export const putsConfig =
  (key: string, parse: (xml: string) => unknown) =>
  async (ctx: S3Context): Promise<HandlerResult> => {
    const bucket = requireBucket(ctx);
    ctx.svc.meta.setBucketConfig(bucket.name, key, parse(await readBodyText(ctx.body)));
    return { status: 200 };
  };

/** The handler of a Delete… operation: the bucket's `key` configuration goes, 204. */
export const deletesConfig =
  (key: string) =>
  (ctx: S3Context): HandlerResult => {
    ctx.svc.meta.setBucketConfig(requireBucket(ctx).name, key, undefined);
    return { status: 204 };
  };
