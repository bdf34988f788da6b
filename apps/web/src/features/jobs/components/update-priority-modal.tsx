import { UpdatePriorityRequest } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import { useState } from 'react';
import { ModalFooter } from '../../../components/modal-footer';
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
    <Modal
      visible
      onDismiss={onClose}
      header="Update priority"
      footer={
        <ModalFooter onCancel={onClose} confirmLabel="Save" onConfirm={save} loading={update.isPending} />
      }
    >
      <FormField label="Priority" description="Jobs with a higher number run first." errorText={error}>
        <Input
          type="number"
          inputMode="numeric"
          value={value}
          onChange={({ detail }) => setValue(detail.value)}
        />
      </FormField>
    </Modal>
  );
}
