import { isAwaitingConfirmation, isOpen } from '@batchops/batch-formats';
import type { JobStatus } from '@batchops/contracts';
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

/**
 * Which of the dialogs a job in this status can act on: Run only while it awaits confirmation
 * (Suspended), Cancel and Update priority while it is open (neither ended nor ending).
 */
export function allowedJobActions(status: JobStatus): Record<JobModalAction, boolean> {
  const open = isOpen(status);
  return { run: isAwaitingConfirmation(status), cancel: open, priority: open };
}
