import type { PreflightCheck, PreflightCheckId, PreflightResponse } from '@batchops/contracts';

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

/** Where a check's problem is fixed: the manifest, the completion report's bucket, or the role. */
export type PreflightFixTarget = 'manifest' | 'report' | 'role';

export const preflightFixTarget: Record<PreflightCheckId, PreflightFixTarget> = {
  'manifest-readable': 'manifest',
  'manifest-etag': 'manifest',
  'manifest-rows': 'manifest',
  'version-ids': 'manifest',
  'objects-exist': 'manifest',
  'report-bucket': 'report',
  'role-arn': 'role',
  'role-permissions': 'role',
};

/** Each page's way to the fix: a step of the wizard, a section of the Batch Replication page. */
export type PreflightFixes = Readonly<
  Record<PreflightFixTarget, { readonly text: string; readonly onFollow: () => void }>
>;
