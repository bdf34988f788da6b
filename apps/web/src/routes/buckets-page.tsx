import Alert from '@cloudscape-design/components/alert';
import { useNavigate } from 'react-router';
import { useBuckets } from '../components/s3-browser/api/list-buckets';
import { paths } from '../config/navigation';
import { BucketsTable } from '../features/buckets/components/buckets-table';

/** The buckets of the account; a name opens the bucket page (objects, replication rules). */
export function BucketsPage() {
  const buckets = useBuckets();
  const navigate = useNavigate();
  return (
    <>
      {buckets.isError && (
        <Alert type="error" header="Could not load buckets">
          {buckets.error.message}
        </Alert>
      )}
      <BucketsTable
        buckets={buckets.data?.buckets ?? []}
        loading={buckets.isPending}
        hrefOf={(b) => paths.bucket(b)}
        createHref={paths.createBucket}
        onNavigate={(href) => void navigate(href)}
      />
    </>
  );
}
