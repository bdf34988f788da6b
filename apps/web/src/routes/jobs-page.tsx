import Alert from '@cloudscape-design/components/alert';
import { useJobs } from '../features/jobs/api/get-jobs';
import { JobsTable } from '../features/jobs/components/jobs-table';

export function JobsPage() {
  const jobs = useJobs();
  return (
    <>
      {jobs.isError && (
        <Alert type="error" header="Could not load jobs">
          {jobs.error.message}
        </Alert>
      )}
      <JobsTable
        jobs={jobs.data?.jobs ?? []}
        loading={jobs.isPending}
        onRefresh={() => void jobs.refetch()}
      />
    </>
  );
}
