import { z } from 'zod';

/** What HeadObject says of one object of a restore job. */
export const RestoreStates = z.object({
  /** A restore is in progress (`ongoing-request="true"`). */
  restoring: z.number().int().nonnegative(),
  /** A restored copy is readable (`ongoing-request="false"`). */
  available: z.number().int().nonnegative(),
  /** Archived and no restored copy: expired after the job ended (or never restored: a failed task). */
  expired: z.number().int().nonnegative(),
  /** Archived and not restored yet: the job has not reached it. */
  pending: z.number().int().nonnegative(),
  /** Not in an archive class: nothing to restore. */
  notArchived: z.number().int().nonnegative(),
  /** HeadObject failed (missing, access denied). */
  unreadable: z.number().int().nonnegative(),
});
export type RestoreStates = z.infer<typeof RestoreStates>;

/** GET /api/jobs/:id/restore-status — where a restore job's objects stand now (issue 19 §2). */
export const RestoreStatusResponse = z.object({
  /** The job's objects (its tasks; the manifest's rows before it is prepared). */
  total: z.number().int().nonnegative(),
  /** Objects checked with HeadObject: all of a small manifest, its first rows otherwise. */
  sampled: z.number().int().nonnegative(),
  /** Counts over the sample. */
  counts: RestoreStates,
  /** The same scaled to `total` (equal to `counts` when every object was checked). */
  estimated: RestoreStates,
  /** The earliest expiry of a readable copy (ISO 8601); null when none is readable. */
  availableUntil: z.string().nullable(),
  /** When the objects still restoring should be readable (ISO 8601); null when none is restoring. */
  readyBy: z.string().nullable(),
  /** What `readyBy` is based on: local-aws's configured delay, or AWS's published typical time. */
  readyBasis: z.string(),
  /** The tier the job asked for. */
  tier: z.enum(['Standard', 'Bulk']),
  checkedAt: z.string(),
});
export type RestoreStatusResponse = z.infer<typeof RestoreStatusResponse>;
