import type { ArchiveClass, RestoreTier } from './pricing.js';

// How long AWS says a restore takes, per archive class and tier: the console's estimate of when a
// restore job's objects are readable on AWS (decision 0034). Source, read 2026-12-07, "Archive
// retrieval options" (typical upper bounds; jobs of Batch Operations start within minutes):
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html

export const RESTORE_TIMES_SOURCE =
  'https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The typical upper bound of a restore, in ms. Deep Archive has no Expedited tier (priced and timed as Standard). */
export const TYPICAL_RESTORE_MS: Readonly<Record<ArchiveClass, Readonly<Record<RestoreTier, number>>>> = {
  GLACIER: { Expedited: 5 * MINUTE, Standard: 5 * HOUR, Bulk: 12 * HOUR },
  DEEP_ARCHIVE: { Expedited: 12 * HOUR, Standard: 12 * HOUR, Bulk: 48 * HOUR },
};

/** `x-amz-restore` as S3 sends it: a restore in progress, or a readable copy until its expiry. */
export type RestoreHeader =
  | { readonly ongoing: true }
  | { readonly ongoing: false; readonly expiry: Date | undefined };

/** Reads `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`; undefined when absent or unreadable. */
export function parseRestoreHeader(header: string | undefined): RestoreHeader | undefined {
  const ongoing = header?.match(/ongoing-request="(true|false)"/)?.[1];
  if (ongoing === undefined) return undefined;
  if (ongoing === 'true') return { ongoing: true };
  const expiry = header?.match(/expiry-date="([^"]+)"/)?.[1];
  const at = expiry === undefined ? Number.NaN : Date.parse(expiry);
  return { ongoing: false, expiry: Number.isNaN(at) ? undefined : new Date(at) };
}
