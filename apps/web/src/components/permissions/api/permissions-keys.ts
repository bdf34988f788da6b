import type { PreflightRequest, RoleTemplateRequest } from '@batchops/contracts';

/** Query keys of a job's permissions (roles, role templates, pre-flight), shared by every page that creates a job. */
export const permissionsKeys = {
  all: ['permissions'] as const,
  preflight: (model: PreflightRequest | null) => [...permissionsKeys.all, 'preflight', model] as const,
  roleTemplate: (job: RoleTemplateRequest | null) => [...permissionsKeys.all, 'role-template', job] as const,
  /** IAM roles a job can run as (the Permissions field). */
  roles: () => [...permissionsKeys.all, 'roles'] as const,
  role: (name: string) => [...permissionsKeys.roles(), name] as const,
};
