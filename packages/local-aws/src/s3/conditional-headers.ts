import { normalizeEtag } from '@batchops/batch-formats';
import { ServiceError } from '../errors/service-error.js';
import { header } from '../http/handler-types.js';
import type { ObjectRow } from '../store/s3-rows.js';
import type { S3Context } from './s3-context.js';

/** `"etag"`, `W/"etag"`, a list, or `*` against an ETag (stored without quotes). */
export function etagMatches(condition: string, etag: string): boolean {
  return condition
    .split(',')
    .map((c) => normalizeEtag(c))
    .some((c) => c === '*' || c === etag);
}

export type ConditionOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'failed'; readonly condition: 'If-Match' | 'If-Unmodified-Since' }
  | { readonly kind: 'not-modified'; readonly condition: 'If-None-Match' | 'If-Modified-Since' };

/**
 * Evaluate If-Match / If-Unmodified-Since / If-None-Match / If-Modified-Since (with a header
 * prefix, e.g. `x-amz-copy-source-`) in RFC 7232 order; dates compare at one-second precision.
 */
export function evaluateConditions(ctx: S3Context, row: ObjectRow, prefix = ''): ConditionOutcome {
  const ifMatch = header(ctx, `${prefix}if-match`);
  const ifNoneMatch = header(ctx, `${prefix}if-none-match`);
  const ifModifiedSince = header(ctx, `${prefix}if-modified-since`);
  const ifUnmodifiedSince = header(ctx, `${prefix}if-unmodified-since`);
  const modifiedSec = Math.floor(row.lastModified / 1000) * 1000;
  const date = (v: string) => {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  };
  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, row.etag)) return { kind: 'failed', condition: 'If-Match' };
  } else if (ifUnmodifiedSince !== undefined) {
    const t = date(ifUnmodifiedSince);
    if (t !== undefined && modifiedSec > t) return { kind: 'failed', condition: 'If-Unmodified-Since' };
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, row.etag)) return { kind: 'not-modified', condition: 'If-None-Match' };
  } else if (ifModifiedSince !== undefined) {
    const t = date(ifModifiedSince);
    if (t !== undefined && modifiedSec <= t) return { kind: 'not-modified', condition: 'If-Modified-Since' };
  }
  return { kind: 'pass' };
}

export const preconditionFailed = (condition: string) =>
  new ServiceError(
    412,
    'PreconditionFailed',
    'At least one of the pre-conditions you specified did not hold',
    {
      Condition: condition,
    },
  );
