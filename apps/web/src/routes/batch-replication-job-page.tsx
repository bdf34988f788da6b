import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useNotifications } from '../components/notifications';
import { paths } from '../config/navigation';
import { useCreateJob } from '../features/jobs/api/create-job';
import { type BatchJobSource, emptyBatchJobForm } from '../features/replication/components/batch-job-form';
import { BatchReplicationJobForm } from '../features/replication/components/batch-replication-job-form';
import { useConnection } from '../lib/connection/get-connection';

const SOURCES: readonly BatchJobSource[] = ['new', 'destination', 'existing'];

/** The Batch Replication job settings, from the "Replicate existing objects?" dialog or the rules table. */
export function BatchReplicationJobPage() {
  const { bucket = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const connection = useConnection();
  const source = SOURCES.find((s) => s === params.get('source')) ?? 'existing';
  const [token] = useState(() => crypto.randomUUID());
  const create = useCreateJob();
  if (connection.isPending) return null;
  const initial = {
    ...emptyBatchJobForm(source, bucket, token),
    roleArn: connection.data?.demo?.roleArn ?? '',
  };
  return (
    <BatchReplicationJobForm
      bucket={bucket}
      region={connection.data?.region}
      create={create}
      initial={initial}
      onCreated={(jobId) => {
        notify({ type: 'success', content: `Batch Replication job ${jobId} created for ${bucket}.` });
        void navigate(paths.job(jobId));
      }}
      onCancel={() => void navigate(paths.bucket(bucket, 'management'))}
    />
  );
}
