import { ARCHIVE_STORAGE_CLASSES } from '@batchops/batch-formats';
import type { ObjectAttrs } from '../store/s3-rows.js';

export interface RestoreView {
  /** Value of x-amz-restore, when a restore was requested and has not expired. */
  readonly header: string | undefined;
  /** Whether GetObject may read the bytes. */
  readonly readable: boolean;
  readonly ongoing: boolean;
}

/**
 * What the simulated restore of an archived object looks like at `now`: a restore is ongoing until
 * `readyAt`, then readable until `expiry`. Nothing has to run in the background: state is derived.
 */
export function restoreView(storageClass: string, attrs: ObjectAttrs, now: number): RestoreView {
  const r = attrs.restore;
  const archived = ARCHIVE_STORAGE_CLASSES.has(storageClass);
  if (!r || r.readyAt === undefined) return { header: undefined, readable: !archived, ongoing: false };
  if (now < r.readyAt) return { header: 'ongoing-request="true"', readable: !archived, ongoing: true };
  const expiry = r.expiry ? Date.parse(r.expiry) : Number.POSITIVE_INFINITY;
  if (now >= expiry) return { header: undefined, readable: !archived, ongoing: false };
  return {
    header: `ongoing-request="false", expiry-date="${new Date(expiry).toUTCString()}"`,
    readable: true,
    ongoing: false,
  };
}
