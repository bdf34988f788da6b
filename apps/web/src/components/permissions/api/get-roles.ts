import { ListRolesResponse, type RoleSummary } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-query';
import { permissionsKeys } from './permissions-keys';

/** Pages read at most (1,000 roles each): IAM allows 1,000 roles per account by default. */
const MAX_PAGES = 10;

/** Every role of the account (all pages of ListRoles), Batch Operations' roles first. */
export async function getRoles(signal: AbortSignal): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  let marker: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: string = new URLSearchParams({ maxItems: '1000', ...(marker ? { marker } : {}) }).toString();
    const out: ListRolesResponse = await getJson(`/api/roles?${query}`, ListRolesResponse)({ signal });
    roles.push(...out.roles);
    marker = out.nextMarker;
    if (!marker) break;
  }
  return roles.sort(
    (a, b) =>
      Number(b.trustsBatchOperations) - Number(a.trustsBatchOperations) || a.name.localeCompare(b.name),
  );
}

export const getRolesQueryOptions = () =>
  queryOptions({
    queryKey: permissionsKeys.roles(),
    queryFn: ({ signal }) => getRoles(signal),
    staleTime: 30_000,
  });

export function useRoles() {
  return useQuery(getRolesQueryOptions());
}
