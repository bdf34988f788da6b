import { consoleStatus, isEnded, statusReasons } from '@batchops/batch-formats';
import type { JobDetails, JobSnapshot } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { formatDuration } from '../../../lib/format-duration';
import { JobStatusIndicator } from './job-status-indicator';

/** Status and progress of one job, kept live by the job's event stream. */
export function JobProgress({ job, snapshot }: { job: JobDetails; snapshot: JobSnapshot | undefined }) {
  const { totalTasks, succeeded, failed, elapsedActiveSeconds } = job.progress;
  const done = succeeded + failed;
  const percent = totalTasks ? Math.floor((done / totalTasks) * 100) : 0;
  const ended = isEnded(job.status);
  const rate = snapshot?.ratePerSecond;
  const eta = snapshot?.etaSeconds;
  const shown = consoleStatus(job);
  return (
    <Container header={<Header variant="h2">Status</Header>}>
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Status', value: <JobStatusIndicator job={job} /> },
            { label: 'Priority', value: job.priority },
            { label: 'Creation date', value: new Date(job.creationTime).toLocaleString() },
            {
              label: 'Termination date',
              value: job.terminationDate ? new Date(job.terminationDate).toLocaleString() : '-',
            },
            // Fifth of four columns: the reasons sit right under Status.
            { label: 'Status reason', value: <StatusReason job={job} /> },
          ]}
        />
        <ProgressBar
          label="Progress"
          value={percent}
          status={!ended ? 'in-progress' : shown.severity === 'success' ? 'success' : 'error'}
          resultText={shown.severity === 'success' ? 'Complete' : `Job ${shown.label.toLowerCase()}`}
          description={
            totalTasks == null ? 'The number of objects is known once the manifest is read.' : undefined
          }
          additionalInfo={`${done.toLocaleString()} of ${totalTasks?.toLocaleString() ?? '?'} tasks done`}
        />
        <KeyValuePairs
          columns={4}
          ariaLabel="Job progress"
          items={[
            { label: 'Total objects', value: totalTasks?.toLocaleString() ?? '-' },
            { label: 'Succeeded', value: succeeded.toLocaleString() },
            { label: 'Failed', value: failed.toLocaleString() },
            {
              label: 'Time active',
              value: elapsedActiveSeconds != null ? formatDuration(elapsedActiveSeconds) : '-',
            },
            { label: 'Rate', value: !ended && rate != null ? `${rate.toFixed(1)} objects/s` : '-' },
            { label: 'Time remaining', value: !ended && eta != null ? formatDuration(eta) : '-' },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}

function StatusReason({ job }: { job: JobDetails }) {
  const reasons = statusReasons(job);
  if (!reasons.length) return '-';
  return (
    <SpaceBetween size="xxxs">
      {reasons.map((r) => (
        <Box key={r}>{r}</Box>
      ))}
    </SpaceBetween>
  );
}
