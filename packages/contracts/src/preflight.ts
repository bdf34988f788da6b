import { z } from 'zod';
import { JobWizardModelBase } from './job-wizard.js';

export const preflightCheckIds = [
  'manifest-readable',
  'manifest-etag',
  'manifest-rows',
  'version-ids',
  'objects-exist',
  'report-bucket',
  'role-arn',
  'role-permissions',
] as const;
export const PreflightCheckId = z.enum(preflightCheckIds);
export type PreflightCheckId = z.infer<typeof PreflightCheckId>;

/** A permission the job needs that the role's policies do not allow (IAM policy simulation). */
export const MissingPermission = z.object({
  action: z.string(),
  resource: z.string(),
  /** SimulatePrincipalPolicy's EvalDecision: implicitDeny or explicitDeny. */
  decision: z.string(),
  /** What the job needs it for: operation, copy source/destination, manifest read, report write. */
  purpose: z.string(),
});
export type MissingPermission = z.infer<typeof MissingPermission>;

export const PreflightCheck = z.object({
  id: PreflightCheckId,
  label: z.string(),
  status: z.enum(['pass', 'fail', 'warn']),
  message: z.string(),
  /** role-permissions: each missing permission, action and resource named. */
  missing: z.array(MissingPermission).optional(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

/** POST /api/jobs/preflight — the checks in a fixed order; ok when none failed. */
export const PreflightResponse = z.object({ ok: z.boolean(), checks: z.array(PreflightCheck) });
export type PreflightResponse = z.infer<typeof PreflightResponse>;

/** POST /api/jobs/preflight takes the wizard's model as it is while being filled in: the role is a check, not a precondition. */
export const PreflightRequest = JobWizardModelBase.extend({
  roleArn: z.string(),
  clientRequestToken: z.string().max(64).optional(),
});
export type PreflightRequest = z.infer<typeof PreflightRequest>;
