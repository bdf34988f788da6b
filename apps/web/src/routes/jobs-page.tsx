import type { ListJobsQuery } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate, useSearchParams } from 'react-router';
import { useJobs } from '../features/jobs/api/get-jobs';
import { useJobsEvents } from '../features/jobs/api/use-jobs-events';
import { queryFromSearchParams, searchParamsFromQuery } from '../features/jobs/components/jobs-filter';
import { JobsOverview } from '../features/jobs/components/jobs-overview';
import { JobsTable } from '../features/jobs/components/jobs-table';
import { jobsPageSize } from '../features/jobs/components/jobs-table-config';

export function JobsPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  // The filter, sort and page live in the URL, so a filtered list can be shared and survives reloads.
  const query: ListJobsQuery = { ...queryFromSearchParams(searchParams), pageSize: jobsPageSize };
  const { region: _region, ...apiQuery } = query;
  const jobs = useJobs(apiQuery);
  const stream = useJobsEvents();
  return (
    <SpaceBetween size="l">
      {jobs.isError && (
        <Alert type="error" header="Could not load jobs">
          {jobs.error.message}
        </Alert>
      )}
      <JobsOverview />
      <JobsTable
        jobs={jobs.data?.jobs ?? []}
        total={jobs.data?.total ?? 0}
        loading={jobs.isPending}
        query={query}
        onQueryChange={(q) => setSearchParams(searchParamsFromQuery(q))}
        onRefresh={() => void jobs.refetch()}
        navigate={(href) => void navigate(href)}
        stream={stream}
      />
    </SpaceBetween>
  );
}
