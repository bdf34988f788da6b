import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTORE_DELAY_MS, parseRestoreDelays, restoreDelays } from './restore-timing.js';

describe('restore delays', () => {
  it('reads seconds for every tier, or per tier in any case', () => {
    expect(parseRestoreDelays('2.5')).toBe(2500);
    expect(parseRestoreDelays('expedited=0, Bulk=60')).toEqual({ Expedited: 0, Bulk: 60_000 });
  });

  it('names what it cannot read', () => {
    expect(() => parseRestoreDelays('Glacial=3')).toThrow("'Glacial' is not a retrieval tier");
    expect(() => parseRestoreDelays('Standard=soon')).toThrow("'soon' is not a number of seconds");
    expect(() => parseRestoreDelays('-1')).toThrow("'-1' is not a number of seconds");
  });

  it('fills the tiers not given from the defaults', () => {
    expect(restoreDelays(undefined)).toEqual(DEFAULT_RESTORE_DELAY_MS);
    expect(restoreDelays(7)).toEqual({ Expedited: 7, Standard: 7, Bulk: 7 });
    expect(restoreDelays({ Bulk: 1 })).toEqual({ ...DEFAULT_RESTORE_DELAY_MS, Bulk: 1 });
  });
});
