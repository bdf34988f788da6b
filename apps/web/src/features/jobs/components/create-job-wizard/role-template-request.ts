import { RoleTemplateRequest } from '@batchops/contracts';
import { toWizardInput } from './wizard-form';
import type { WizardForm } from './wizard-form-state';

/** The parts of the form a role template is made from (manifest, operation, report); null while they are not valid. */
export function toRoleTemplateRequest(form: WizardForm): RoleTemplateRequest | null {
  const input = toWizardInput(form, 'role-template', null);
  const parsed = RoleTemplateRequest.safeParse({
    region: input.region,
    manifest: input.manifest,
    operation: input.operation,
    report: input.report,
  });
  return parsed.success ? parsed.data : null;
}

/** The role name of an IAM role ARN (`arn:aws:iam::1:role/path/name` → `name`); null when it is not one. */
export function roleNameOf(arn: string): string | null {
  const m = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/.exec(arn.trim());
  return m?.[1] ?? null;
}
