import { isEnded } from '@batchops/batch-formats';
import type { JobDetails } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect } from 'react';
import { useNotifications } from '../../../components/notifications';
import { useJobReport } from '../api/get-job-report';
import { jobOutcome } from './job-outcome';

/** Report page the report table opens on, so the alert shares its query. */
const FIRST_PAGE = { page: 1, pageSize: 100 } as const;

/**
 * Under the job's header: what an ended job that did not fully succeed came to, with the next actions.
 * It also replaces the job's "created"/"is running" flashes with the outcome once the job ends.
 */
export function JobOutcomeAlert({
  job,
  onViewReport,
  onRetryFailed,
  onClone,
  retrying,
}: {
  job: JobDetails;
  onViewReport: () => void;
  onRetryFailed: () => void;
  onClone: () => void;
  retrying: boolean;
}) {
  const { settleJob } = useNotifications();
  const ended = isEnded(job.status);
  const report = useJobReport(job.jobId, FIRST_PAGE.page, FIRST_PAGE.pageSize, ended && job.report.enabled);
  const outcome = jobOutcome(job, report.data?.errorCodes[0]);
  useEffect(() => {
    if (outcome) settleJob(job.jobId, outcome);
  }, [job.jobId, outcome?.type, outcome?.content, settleJob]);
  if (!outcome || outcome.type === 'success') return null;
  const failedTasks = job.progress.failed > 0;
  return (
    <section aria-label="Job outcome">
      <Alert
        type={outcome.type}
        header={outcome.header}
        action={
          <SpaceBetween direction="horizontal" size="xs">
            {job.report.enabled && <Button onClick={onViewReport}>View report</Button>}
            {failedTasks && job.report.enabled && (
              <Button loading={retrying} onClick={onRetryFailed}>
                Retry failed tasks
              </Button>
            )}
            <Button onClick={onClone}>Clone with another role</Button>
          </SpaceBetween>
        }
      >
        {outcome.content}
      </Alert>
    </section>
  );
}
