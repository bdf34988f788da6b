import type { RoleTemplateRequest } from '@batchops/contracts';
import { roleTemplateRequestOf } from '../../../../components/permissions/role-template-request';
import { toWizardInput } from './wizard-form';
import type { WizardForm } from './wizard-form-state';

/** The parts of the form a role template is made from (manifest, operation, report); null while they are not valid. */
export function toRoleTemplateRequest(form: WizardForm): RoleTemplateRequest | null {
  return roleTemplateRequestOf(toWizardInput(form, 'role-template', null));
}
