import { CliCommandResponse, type JobWizardModel } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function getCliCommand(model: JobWizardModel, signal?: AbortSignal): Promise<CliCommandResponse> {
  return apiSend('POST', '/api/jobs/cli-command', CliCommandResponse, model, signal);
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
