import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../config/navigation';
import { useJobClone } from '../features/jobs/api/get-job-clone';
import { CreateJobWizard } from '../features/jobs/components/create-job-wizard/create-job-wizard';
import {
  optionsStepIndex,
  reviewStepIndex,
} from '../features/jobs/components/create-job-wizard/create-job-wizard-config';
import { demoJobForm } from '../features/jobs/components/create-job-wizard/demo-job-form';
import { emptyWizardForm } from '../features/jobs/components/create-job-wizard/empty-wizard-form';
import { RetryState } from '../features/jobs/components/create-job-wizard/retry-state';
import { fromWizardModel } from '../features/jobs/components/create-job-wizard/wizard-form';
import { useConnection } from '../lib/connection/get-connection';

export function CreateJobPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const retry = RetryState.safeParse(useLocation().state).data?.retry ?? null;
  const cloneFrom = params.get('cloneFrom');
  const tryDemo = params.get('demo') === '1' && !cloneFrom && !retry;
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
  const from = retry?.model ?? clone.data;
  const demo = tryDemo ? c.demo : undefined;
  const initial = from
    ? fromWizardModel(from, c.region)
    : demo
      ? demoJobForm(c.region, demo)
      : // The demo's role when the embedded default seeded it; on AWS the user names a role of their own.
        emptyWizardForm(c.region, c.demo?.roleArn ?? '');
  return (
    <SpaceBetween size="m">
      {retry && (
        <Alert type="info" header={`Retry the ${retry.tasks} failed tasks of job ${retry.from}`}>
          The manifest {retry.manifestKey} lists just them, and the job keeps the settings of {retry.from}. If
          its tasks failed for the role, choose or create a role that allows the operation, then review and
          create the job.
        </Alert>
      )}
      {demo && (
        <Alert type="info" header="The demo job">
          It adds the tag batchops-demo=tagged to every object of the seeded manifest {demo.manifestKey} in{' '}
          {demo.sourceBucket}, as the seeded role, and writes its completion report to {demo.reportsBucket}.
          Review it, then choose Create job; it waits for you to run it.
        </Alert>
      )}
      <CreateJobWizard
        key={retry ? `retry-${retry.manifestKey}` : (cloneFrom ?? (demo ? 'demo' : 'new'))}
        initial={initial}
        initialStep={retry ? optionsStepIndex : demo ? reviewStepIndex : 0}
        onCreated={(jobId) => void navigate(paths.job(jobId))}
        onCancel={() => void navigate(paths.jobs)}
      />
    </SpaceBetween>
  );
}
