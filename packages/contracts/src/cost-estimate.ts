import { z } from 'zod';

/** One charge of the estimate: quantity × (usd per `per` units). */
export const CostLine = z.object({
  label: z.string(),
  quantity: z.number().nonnegative(),
  /** US dollars per `per` units of `unit`. */
  usd: z.number().nonnegative(),
  per: z.number().positive(),
  unit: z.string(),
  amount: z.number().nonnegative(),
  /** `amount` as the console shows it: `$5.00`, `< $0.01`. */
  amountText: z.string(),
  /** The published page the price is read from. */
  source: z.string().url(),
  /** Confirmed against that page (or an AWS page quoting it) on the day the table was read. */
  verified: z.boolean(),
});
export type CostLine = z.infer<typeof CostLine>;

/** Where the object count comes from. */
export const ObjectCountBasis = z.enum(['counted', 'extrapolated', 'listed', 'unknown']);
export type ObjectCountBasis = z.infer<typeof ObjectCountBasis>;

/** POST /api/jobs/estimate — what the wizard's job would cost on AWS (issue 19 §3, decision 0034). */
export const CostEstimateResponse = z.object({
  objects: z.object({
    count: z.number().int().nonnegative(),
    basis: ObjectCountBasis,
    /** How the count was made: "all 540 rows", "about …, from the first 256 KiB", … */
    note: z.string(),
  }),
  lines: z.array(CostLine),
  /** US dollars. */
  total: z.number().nonnegative(),
  totalText: z.string(),
  /** What the lines leave out (data transfer, Lambda duration, retrieved GB, …). */
  notes: z.array(z.string()),
  /** YYYY-MM-DD: the day the price table was read. */
  pricesReadOn: z.string(),
  /** The Region whose prices the table holds. */
  priceRegion: z.string(),
  /** Local mode: nothing is charged. */
  local: z.boolean(),
  /** The estimate in one line, as Review and the CLI command's notes show it. */
  summary: z.string(),
});
export type CostEstimateResponse = z.infer<typeof CostEstimateResponse>;
