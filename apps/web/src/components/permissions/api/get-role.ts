import { RoleDetails } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { permissionsKeys } from './permissions-keys';

export const getRoleQueryOptions = (name: string | null) =>
  queryOptions({
    queryKey: permissionsKeys.role(name ?? ''),
    queryFn: name ? getJson(apiPath`/api/roles/${name}`, RoleDetails) : skipToken,
    retry: false,
  });

export function useRole(name: string | null) {
  return useQuery(getRoleQueryOptions(name));
}
