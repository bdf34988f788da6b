import { CliCommandResponse, type JobWizardModel } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function getCliCommand(model: JobWizardModel, signal?: AbortSignal): Promise<CliCommandResponse> {
  return apiRequest('/api/jobs/cli-command', CliCommandResponse, {
    method: 'POST',
    body: JSON.stringify(model),
    ...(signal ? { signal } : {}),
  });
}

export const getCliCommandQueryOptions = (model: JobWizardModel | null) =>
  queryOptions({
    queryKey: model ? jobsKeys.cliCommand(model) : [...jobsKeys.all, 'cli-command', null],
    queryFn: model ? ({ signal }) => getCliCommand(model, signal) : skipToken,
    retry: false,
  });

export function useCliCommand(model: JobWizardModel | null) {
  return useQuery(getCliCommandQueryOptions(model));
}
