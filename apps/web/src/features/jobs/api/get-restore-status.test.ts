import type { RestoreStatusResponse } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { recheckIn } from './get-restore-status';

const states = { restoring: 0, available: 0, expired: 0, pending: 0, notArchived: 0, unreadable: 0 };
const status = (counts: Partial<typeof states>, readyBy: string | null = null): RestoreStatusResponse => ({
  total: 2,
  sampled: 2,
  counts: { ...states, ...counts },
  estimated: { ...states, ...counts },
  availableUntil: null,
  readyBy,
  readyBasis: '',
  tier: 'Standard',
  checkedAt: '2026-12-07T12:00:00.000Z',
});
const now = Date.parse('2026-12-07T12:00:00.000Z');

describe('recheckIn', () => {
  it('reads again just after the estimate, between 3 s and 5 min away', () => {
    expect(recheckIn(status({ restoring: 2 }, '2026-12-07T12:00:20.000Z'), now)).toBe(21_000);
    expect(recheckIn(status({ restoring: 2 }, '2026-12-07T12:00:00.500Z'), now)).toBe(3_000);
    expect(recheckIn(status({ restoring: 2 }, '2026-12-07T17:00:00.000Z'), now)).toBe(300_000);
  });

  it('every 30 s past the estimate, every 10 s before the job reached the objects, never once settled', () => {
    expect(recheckIn(status({ restoring: 1 }, '2026-12-07T11:00:00.000Z'), now)).toBe(30_000);
    expect(recheckIn(status({ pending: 2 }), now)).toBe(10_000);
    expect(recheckIn(status({ available: 1, expired: 1 }), now)).toBe(false);
  });
});
