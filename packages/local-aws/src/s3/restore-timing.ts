import type { RestoreTier } from '@batchops/batch-formats';

// How long a simulated restore takes per retrieval tier, and how long its "day" is (decision 0034):
// short by default, so a console user sees a restore job's objects come back within a minute.

export const RESTORE_TIERS: readonly RestoreTier[] = ['Expedited', 'Standard', 'Bulk'];

/** Default delays: the tiers keep AWS's order (Expedited fastest, Bulk slowest) at demo scale. */
export const DEFAULT_RESTORE_DELAY_MS: Readonly<Record<RestoreTier, number>> = {
  Expedited: 2_000,
  Standard: 10_000,
  Bulk: 30_000,
};

/** One delay for every tier, or some tiers' own (the others keep their default). */
export type RestoreDelayOption = number | Partial<Record<RestoreTier, number>>;

export function restoreDelays(option: RestoreDelayOption | undefined): Readonly<Record<RestoreTier, number>> {
  if (option === undefined) return DEFAULT_RESTORE_DELAY_MS;
  if (typeof option === 'number') return { Expedited: option, Standard: option, Bulk: option };
  return { ...DEFAULT_RESTORE_DELAY_MS, ...option };
}

/**
 * `--restore-delays` / BATCHOPS_RESTORE_DELAYS: seconds for every tier (`5`), or per tier
 * (`Expedited=1,Standard=5,Bulk=20`); the result is in ms. Throws naming the part it cannot read.
 */
export function parseRestoreDelays(spec: string): RestoreDelayOption {
  const seconds = (text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new Error(`'${text}' is not a number of seconds`);
    return Math.round(n * 1000);
  };
  if (!spec.includes('=')) return seconds(spec);
  const delays: Partial<Record<RestoreTier, number>> = {};
  for (const part of spec.split(',')) {
    const [tier = '', value = ''] = part.split('=').map((s) => s.trim());
    const known = RESTORE_TIERS.find((t) => t.toLowerCase() === tier.toLowerCase());
    if (!known) throw new Error(`'${tier}' is not a retrieval tier (${RESTORE_TIERS.join(', ')})`);
    delays[known] = seconds(value);
  }
  return delays;
}
