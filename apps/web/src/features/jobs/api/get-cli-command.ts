import { CliCommandResponse, type JobWizardModel } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const getCliCommandQueryOptions = (model: JobWizardModel | null) =>
  queryOptions({
    queryKey: jobsKeys.cliCommand(model),
    queryFn: postJson('/api/jobs/cli-command', CliCommandResponse, model),
    retry: false,
  });

export function useCliCommand(model: JobWizardModel | null) {
  return useQuery(getCliCommandQueryOptions(model));
}
