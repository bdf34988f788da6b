import { RoleDetails } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { permissionsKeys } from './permissions-keys';

export function getRole(name: string, signal?: AbortSignal): Promise<RoleDetails> {
  return apiRequest(`/api/roles/${encodeURIComponent(name)}`, RoleDetails, signal ? { signal } : {});
}

export const getRoleQueryOptions = (name: string | null) =>
  queryOptions({
    queryKey: permissionsKeys.role(name ?? ''),
    queryFn: name ? ({ signal }) => getRole(name, signal) : skipToken,
    retry: false,
  });

export function useRole(name: string | null) {
  return useQuery(getRoleQueryOptions(name));
}
