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
] as const;
export const PreflightCheckId = z.enum(preflightCheckIds);
export type PreflightCheckId = z.infer<typeof PreflightCheckId>;

export const PreflightCheck = z.object({
  id: PreflightCheckId,
  label: z.string(),
  status: z.enum(['pass', 'fail', 'warn']),
  message: z.string(),
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
