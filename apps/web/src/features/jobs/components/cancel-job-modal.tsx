import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useNotifications } from '../../../components/notifications';
import { useCancelJob } from '../api/cancel-job';

export function CancelJobModal({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const cancel = useCancelJob();
  const { notify } = useNotifications();
  const confirm = () =>
    cancel.mutate(
      { jobId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          notify({ type: 'success', content: `Job ${jobId} is being cancelled.` });
          onClose();
        },
        onError: (e) =>
          notify({ type: 'error', header: `Could not cancel job ${jobId}`, content: e.message }),
      },
    );
  return (
    <ConfirmModal
      onDismiss={onClose}
      header="Cancel job"
      cancelLabel="Keep job"
      confirmLabel="Cancel job"
      onConfirm={confirm}
      loading={cancel.isPending}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Cancel job <b>{jobId}</b>? Tasks already done stay done; a cancelled job cannot be run again.
        </Box>
        <FormField
          label="Reason"
          description="Optional; shown as the job's status reason."
          constraintText={`${reason.length}/256`}
        >
          <Input value={reason} onChange={({ detail }) => setReason(detail.value.slice(0, 256))} />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
