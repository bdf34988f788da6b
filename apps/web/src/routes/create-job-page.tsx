import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../config/navigation';
import { useJobClone } from '../features/jobs/api/get-job-clone';
import { CreateJobWizard } from '../features/jobs/components/create-job-wizard/create-job-wizard';
import { emptyWizardForm } from '../features/jobs/components/create-job-wizard/empty-wizard-form';
import { fromWizardModel } from '../features/jobs/components/create-job-wizard/wizard-form';
import { useConnection } from '../lib/connection/get-connection';

export function CreateJobPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cloneFrom = params.get('cloneFrom');
  const connection = useConnection();
  const clone = useJobClone(cloneFrom);
  if (connection.isError || clone.isError)
    return (
      <Alert
        type="error"
        header={clone.isError ? `Could not read job ${cloneFrom}` : 'Could not reach the console'}
      >
        {(clone.error ?? connection.error)?.message}
      </Alert>
    );
  if (!connection.data || (cloneFrom && !clone.data)) return <Spinner size="large" />;
  const c = connection.data;
  const initial = clone.data
    ? fromWizardModel(clone.data, c.region)
    : // The demo's role when the embedded default seeded it; on AWS the user names a role of their own.
      emptyWizardForm(c.region, c.demo?.roleArn ?? '');
  return (
    <CreateJobWizard
      key={cloneFrom ?? 'new'}
      initial={initial}
      onCreated={(jobId) => void navigate(paths.job(jobId))}
      onCancel={() => void navigate(paths.jobs)}
    />
  );
}
