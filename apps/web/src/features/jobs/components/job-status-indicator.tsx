import type { JobStatus } from '@batchops/contracts';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const statusType: Record<JobStatus, StatusIndicatorProps.Type> = {
  New: 'pending',
  Preparing: 'loading',
  Suspended: 'pending',
  Ready: 'pending',
  Active: 'in-progress',
  Pausing: 'loading',
  Paused: 'stopped',
  Completing: 'loading',
  Complete: 'success',
  Cancelling: 'loading',
  Cancelled: 'stopped',
  Failing: 'loading',
  Failed: 'error',
};

export function JobStatusIndicator({ status }: { status: JobStatus }) {
  return <StatusIndicator type={statusType[status]}>{status}</StatusIndicator>;
}
