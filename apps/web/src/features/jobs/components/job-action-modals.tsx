import { CancelJobModal } from './cancel-job-modal';
import { RunJobModal } from './run-job-modal';
import { UpdatePriorityModal } from './update-priority-modal';

export type JobModalAction = 'run' | 'cancel' | 'priority';

/** The confirmation dialogs the list and the details page share. */
export function JobActionModals({
  action,
  jobId,
  priority,
  onClose,
}: {
  action: JobModalAction | null;
  jobId: string | null;
  priority: number;
  onClose: () => void;
}) {
  if (!action || !jobId) return null;
  if (action === 'run') return <RunJobModal jobId={jobId} onClose={onClose} />;
  if (action === 'cancel') return <CancelJobModal jobId={jobId} onClose={onClose} />;
  return <UpdatePriorityModal jobId={jobId} priority={priority} onClose={onClose} />;
}

const endedStatuses = new Set(['Complete', 'Completing', 'Cancelled', 'Cancelling', 'Failed', 'Failing']);

/** Whether a job in this status may still be cancelled or re-prioritised. */
export const isJobOpen = (status: string) => !endedStatuses.has(status);
