import { type CreateRoleFromTemplateRequest, CreateRoleFromTemplateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function createRoleFromTemplate(
  request: CreateRoleFromTemplateRequest,
): Promise<CreateRoleFromTemplateResponse> {
  return apiRequest('/api/roles/from-template', CreateRoleFromTemplateResponse, {
    method: 'POST',
    body: JSON.stringify(request),
  });
}

export function useCreateRoleFromTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoleFromTemplate,
    onSuccess: ({ role }) => {
      queryClient.setQueryData(jobsKeys.role(role.name), role);
      return queryClient.invalidateQueries({ queryKey: jobsKeys.roles(), exact: true });
    },
  });
}
