import { type RoleTemplateRequest, RoleTemplateResponse } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { permissionsKeys } from './permissions-keys';

export function getRoleTemplate(
  job: RoleTemplateRequest,
  signal?: AbortSignal,
): Promise<RoleTemplateResponse> {
  return apiSend('POST', '/api/jobs/role-template', RoleTemplateResponse, job, signal);
}

/** The policies follow the job's settings; null: the settings are not complete yet. */
export const getRoleTemplateQueryOptions = (job: RoleTemplateRequest | null) =>
  queryOptions({
    queryKey: job ? permissionsKeys.roleTemplate(job) : [...permissionsKeys.all, 'role-template', null],
    queryFn: job ? ({ signal }) => getRoleTemplate(job, signal) : skipToken,
    retry: false,
  });

export function useRoleTemplate(job: RoleTemplateRequest | null) {
  return useQuery(getRoleTemplateQueryOptions(job));
}
