import {
  type CreateRoleFromTemplateRequest,
  CreateRoleFromTemplateResponse,
  type RoleSummary,
} from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { permissionsKeys } from './permissions-keys';

export function createRoleFromTemplate(
  request: CreateRoleFromTemplateRequest,
): Promise<CreateRoleFromTemplateResponse> {
  return apiSend('POST', '/api/roles/from-template', CreateRoleFromTemplateResponse, request);
}

export function useCreateRoleFromTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoleFromTemplate,
    onSuccess: ({ role }) => {
      queryClient.setQueryData(permissionsKeys.role(role.name), role);
      // The new role is in the list at once (the Select shows it), then the list is read again.
      const { trustPolicy: _t, inlinePolicies: _i, attachedPolicies: _a, ...summary } = role;
      queryClient.setQueryData<RoleSummary[]>(permissionsKeys.roles(), (old) =>
        old ? [...old.filter((r) => r.arn !== role.arn), summary] : old,
      );
      return queryClient.invalidateQueries({ queryKey: permissionsKeys.roles(), exact: true });
    },
  });
}
