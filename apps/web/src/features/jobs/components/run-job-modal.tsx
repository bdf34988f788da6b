import { operationLabels } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ConfirmModal } from '../../../components/confirm-modal';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { useNotifications } from '../../../components/notifications';
import { useJob } from '../api/get-job';
import { useRunJob } from '../api/run-job';
import { describeReport } from './report-location';

/** Run job: say what will happen, then confirm (UpdateJobStatus Ready). */
export function RunJobModal({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const job = useJob(jobId);
  const run = useRunJob();
  const { notify } = useNotifications();
  const d = job.data;
  const confirm = () =>
    run.mutate(jobId, {
      onSuccess: () => {
        notify({ type: 'success', jobId, content: `Job ${jobId} is running.` });
        onClose();
      },
      onError: (e) => notify({ type: 'error', header: `Could not run job ${jobId}`, content: e.message }),
    });
  return (
    <ConfirmModal
      onDismiss={onClose}
      header="Run job"
      confirmLabel="Run job"
      onConfirm={confirm}
      loading={run.isPending}
      disabled={!d}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          When you run the job, Batch Operations performs the operation on every object in the manifest. This
          cannot be undone; you can cancel the job while it runs.
        </Box>
        <KeyValuePairs
          columns={2}
          items={[
            { label: 'Job ID', value: jobId },
            { label: 'Operation', value: d?.operation ? operationLabels[d.operation] : '-' },
            {
              label: 'Objects',
              value:
                d?.progress.totalTasks != null ? d.progress.totalTasks.toLocaleString() : 'Not known yet',
            },
            { label: 'Manifest', value: d?.manifest?.objectArn ?? '-' },
            {
              label: 'Completion report',
              value: d ? describeReport(d.report) : '-',
            },
            { label: 'Priority', value: d ? String(d.priority) : '-' },
          ]}
        />
      </SpaceBetween>
    </ConfirmModal>
  );
}
