import type { PreflightCheck, PreflightResponse } from '@batchops/contracts';

const rank: Record<PreflightCheck['status'], number> = { fail: 0, warn: 1, pass: 2 };

/** Failed checks first, then warnings, then passed ones; the BFF's order within each. */
export function checksByStatus(checks: readonly PreflightCheck[]): PreflightCheck[] {
  return checks
    .map((check, i) => ({ check, i }))
    .sort((a, b) => rank[a.check.status] - rank[b.check.status] || a.i - b.i)
    .map(({ check }) => check);
}

/** The problems Create asks about: the failed checks (undefined: pre-flight has not answered). */
export function preflightProblems(result: PreflightResponse | undefined): number {
  return result ? result.checks.filter((c) => c.status === 'fail').length : 0;
}
