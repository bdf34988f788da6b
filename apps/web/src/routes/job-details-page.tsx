import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LiveUpdatesStatus } from '../components/live-updates-status';
import { paths } from '../config/navigation';
import { useJob } from '../features/jobs/api/get-job';
import { useJobEvents } from '../features/jobs/api/use-job-events';
import { EditJobTagsModal } from '../features/jobs/components/edit-job-tags-modal';
import {
  allowedJobActions,
  JobActionModals,
  type JobModalAction,
} from '../features/jobs/components/job-action-modals';
import { JobConfiguration, JobTagsContainer } from '../features/jobs/components/job-configuration';
import { JobOutcomeAlert } from '../features/jobs/components/job-outcome-alert';
import { JobProgress } from '../features/jobs/components/job-progress';
import { JobProgressChart } from '../features/jobs/components/job-progress-chart';
import { JobReport } from '../features/jobs/components/job-report';
import { RestoreStatus } from '../features/jobs/components/restore-status';
import { useRetryFailed } from '../features/jobs/components/use-retry-failed';

const REPORT_ID = 'completion-report';

export function JobDetailsPage() {
  const { jobId = '' } = useParams();
  const navigate = useNavigate();
  const job = useJob(jobId);
  const { snapshot, stream } = useJobEvents(jobId);
  const retry = useRetryFailed(jobId);
  const [modal, setModal] = useState<JobModalAction | 'tags' | null>(null);

  if (job.isError)
    return (
      <Alert type="error" header={`Could not read job ${jobId}`}>
        {job.error.message}
      </Alert>
    );
  if (!job.data) return <Spinner size="large" />;
  const d = job.data;
  const allowed = allowedJobActions(d.status);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={d.description ?? undefined}
          info={<LiveUpdatesStatus status={stream} />}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button disabled={!allowed.cancel} onClick={() => setModal('cancel')}>
                Cancel job
              </Button>
              <Button disabled={!allowed.priority} onClick={() => setModal('priority')}>
                Update priority
              </Button>
              <Button onClick={() => void navigate(paths.cloneJob(jobId))}>Clone job</Button>
              <Button variant="primary" disabled={!allowed.run} onClick={() => setModal('run')}>
                Run job
              </Button>
            </SpaceBetween>
          }
        >
          Job {jobId}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <JobOutcomeAlert
          job={d}
          onViewReport={() => document.getElementById(REPORT_ID)?.scrollIntoView({ behavior: 'smooth' })}
          onRetryFailed={retry.retryFailed}
          onClone={() => void navigate(paths.cloneJob(jobId))}
          retrying={retry.retrying}
        />
        <JobProgress job={d} snapshot={snapshot.data} />
        <JobProgressChart job={d} />
        {d.operation === 'S3InitiateRestoreObject' && <RestoreStatus jobId={jobId} />}
        <JobConfiguration job={d} />
        <JobTagsContainer job={d} onEdit={() => setModal('tags')} />
        <div id={REPORT_ID}>
          <JobReport
            job={d}
            onRetryFailed={retry.retryFailed}
            onCreateRole={retry.createTemplateRole}
            retrying={retry.retrying}
          />
        </div>
      </SpaceBetween>
      {retry.templateModal}
      {modal === 'tags' ? (
        <EditJobTagsModal jobId={jobId} tags={d.tags} onClose={() => setModal(null)} />
      ) : (
        <JobActionModals action={modal} jobId={jobId} priority={d.priority} onClose={() => setModal(null)} />
      )}
    </ContentLayout>
  );
}
