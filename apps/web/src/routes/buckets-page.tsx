import Alert from '@cloudscape-design/components/alert';
import { useBuckets } from '../components/s3-browser/api/list-buckets';
import { BucketsTable } from '../features/buckets/components/buckets-table';

/** The buckets of the account (replication rules per bucket come with the replication issue). */
export function BucketsPage() {
  const buckets = useBuckets();
  return (
    <>
      {buckets.isError && (
        <Alert type="error" header="Could not load buckets">
          {buckets.error.message}
        </Alert>
      )}
      <BucketsTable buckets={buckets.data?.buckets ?? []} loading={buckets.isPending} />
    </>
  );
}
