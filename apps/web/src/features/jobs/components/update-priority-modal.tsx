import { UpdatePriorityRequest } from '@batchops/contracts';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { InputField } from '../../../components/form/input-field';
import { useNotifications } from '../../../components/notifications';
import { apiFieldErrors } from '../../../lib/field-errors';
import { useUpdateJobPriority } from '../api/update-job-priority';

export function UpdatePriorityModal({
  jobId,
  priority,
  onClose,
}: {
  jobId: string;
  priority: number;
  onClose: () => void;
}) {
  const [value, setValue] = useState(String(priority));
  const [error, setError] = useState<string>();
  const update = useUpdateJobPriority();
  const { notify } = useNotifications();
  const save = () => {
    const parsed = UpdatePriorityRequest.safeParse({
      priority: value.trim() === '' ? Number.NaN : Number(value),
    });
    if (!parsed.success) {
      setError('Enter a whole number from 0 to 2147483647.');
      return;
    }
    update.mutate(
      { jobId, priority: parsed.data.priority },
      {
        onSuccess: () => {
          notify({ type: 'success', content: `Priority of job ${jobId} is now ${parsed.data.priority}.` });
          onClose();
        },
        onError: (e) => setError(apiFieldErrors(e).priority ?? e.message),
      },
    );
  };
  return (
    <ConfirmModal
      onDismiss={onClose}
      header="Update priority"
      confirmLabel="Save"
      onConfirm={save}
      loading={update.isPending}
    >
      <InputField
        label="Priority"
        description="Jobs with a higher number run first."
        errorText={error}
        numeric
        value={value}
        onChange={setValue}
      />
    </ConfirmModal>
  );
}
