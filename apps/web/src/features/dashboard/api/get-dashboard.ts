import { DashboardResponse } from '@batchops/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-query';
import type { StreamStatus } from '../../../lib/stream-status';
import { useEventStream } from '../../../lib/use-event-stream';
import { dashboardKeys } from './dashboard-keys';

export const dashboardQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: getJson('/api/dashboard', DashboardResponse),
    // The throughput chart moves on without list changes (its window slides): read it again now and then.
    refetchInterval: 15_000,
  });

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}

/** The live list stream (the job list's): any change of a job reads the dashboard again. */
export function useDashboardEvents(): StreamStatus {
  const queryClient = useQueryClient();
  return useEventStream('/api/jobs/events', (event) => {
    if (event.type === 'jobs') void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  });
}
