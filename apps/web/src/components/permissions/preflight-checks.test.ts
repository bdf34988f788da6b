import type { PreflightCheck } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { checksByStatus, preflightProblems } from './preflight-checks';

const check = (id: string, status: PreflightCheck['status']) =>
  ({ id, label: id, status, message: '' }) as unknown as PreflightCheck;

describe('pre-flight checks', () => {
  it('lists failed checks first, then warnings, keeping the order within each', () => {
    const checks = [
      check('a', 'pass'),
      check('b', 'warn'),
      check('c', 'fail'),
      check('d', 'pass'),
      check('e', 'fail'),
    ];
    expect(checksByStatus(checks).map((c) => c.id)).toEqual(['c', 'e', 'b', 'a', 'd']);
  });

  it('counts the failed checks as problems, none before pre-flight answers', () => {
    const checks = [check('a', 'fail'), check('b', 'warn'), check('c', 'fail')];
    expect(preflightProblems({ ok: false, checks })).toBe(2);
    expect(preflightProblems({ ok: true, checks: [check('a', 'pass'), check('b', 'warn')] })).toBe(0);
    expect(preflightProblems(undefined)).toBe(0);
  });
});
