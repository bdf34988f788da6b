import { describe, expect, it } from 'vitest';
import { parseRestoreHeader, TYPICAL_RESTORE_MS } from './restore-times.js';

describe('parseRestoreHeader', () => {
  it('reads an ongoing restore and a readable copy with its expiry', () => {
    expect(parseRestoreHeader('ongoing-request="true"')).toEqual({ ongoing: true });
    expect(
      parseRestoreHeader('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"'),
    ).toEqual({
      ongoing: false,
      expiry: new Date('2012-12-21T00:00:00Z'),
    });
  });

  it('answers undefined for no header or one it cannot read', () => {
    expect(parseRestoreHeader(undefined)).toBeUndefined();
    expect(parseRestoreHeader('restoring')).toBeUndefined();
  });
});

describe('TYPICAL_RESTORE_MS', () => {
  it('keeps AWS order: Expedited before Standard before Bulk, Deep Archive slower', () => {
    const g = TYPICAL_RESTORE_MS.GLACIER;
    expect(g.Expedited < g.Standard && g.Standard < g.Bulk).toBe(true);
    expect(TYPICAL_RESTORE_MS.DEEP_ARCHIVE.Bulk).toBe(48 * 3_600_000);
  });
});
