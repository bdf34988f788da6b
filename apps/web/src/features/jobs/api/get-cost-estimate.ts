import { CostEstimateResponse, type JobWizardModel } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const getCostEstimateQueryOptions = (model: JobWizardModel | null) =>
  queryOptions({
    queryKey: jobsKeys.estimate(model),
    queryFn: postJson('/api/jobs/estimate', CostEstimateResponse, model),
    retry: false,
  });

export function useCostEstimate(model: JobWizardModel | null) {
  return useQuery(getCostEstimateQueryOptions(model));
}
