import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useBucketVersioning } from './s3-browser/api/get-bucket-versioning';
import { usePutBucketVersioning } from './s3-browser/api/put-bucket-versioning';

/**
 * Replication needs versioning on the source and the destination: when a bucket lacks it, say so
 * and offer to turn it on, as the AWS console's replication form does. Nothing when it is on.
 */
export function VersioningAlert({ bucket, side }: { bucket: string; side: 'source' | 'destination' }) {
  const versioning = useBucketVersioning(bucket);
  const enable = usePutBucketVersioning();
  if (!versioning.data || versioning.data.status === 'Enabled') return null;
  return (
    <Alert
      type="warning"
      header={`The ${side} bucket ${bucket} does not have versioning enabled`}
      action={
        <Button
          formAction="none"
          loading={enable.isPending}
          onClick={() => enable.mutate({ bucket, status: 'Enabled' })}
        >
          Enable Bucket Versioning
        </Button>
      }
    >
      Replication requires versioning on both the source and the destination bucket.
      {enable.isError && ` Could not enable versioning: ${enable.error.message}`}
    </Alert>
  );
}
