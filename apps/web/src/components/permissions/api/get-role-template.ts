import { type RoleTemplateRequest, RoleTemplateResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-query';
import { permissionsKeys } from './permissions-keys';

/** The policies follow the job's settings; null: the settings are not complete yet. */
export const getRoleTemplateQueryOptions = (job: RoleTemplateRequest | null) =>
  queryOptions({
    queryKey: permissionsKeys.roleTemplate(job),
    queryFn: postJson('/api/jobs/role-template', RoleTemplateResponse, job),
    retry: false,
  });

export function useRoleTemplate(job: RoleTemplateRequest | null) {
  return useQuery(getRoleTemplateQueryOptions(job));
}
