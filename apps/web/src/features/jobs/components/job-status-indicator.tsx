import { consoleStatus, type JobStatusInput } from '@batchops/batch-formats';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** The job's console status (batch-formats' consoleStatus), with its failed-task count when any failed. */
export function JobStatusIndicator({ job }: { job: JobStatusInput }) {
  const s = consoleStatus(job);
  return (
    <SpaceBetween size="xxxs">
      <StatusIndicator type={s.severity}>{s.label}</StatusIndicator>
      {s.failedText && job.status === 'Complete' && (
        <Box variant="small" color="text-status-error">
          {s.failedText}
        </Box>
      )}
    </SpaceBetween>
  );
}
