import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { RadioField } from '../../../components/form/radio-field';

/** "Replicate existing objects?": after a new configuration's first rule or a new destination. */
export function ReplicateExistingModal({
  visible,
  onAnswer,
}: {
  visible: boolean;
  onAnswer: (replicate: boolean) => void;
}) {
  const [choice, setChoice] = useState<'yes' | 'no'>('yes');
  return (
    <ConfirmModal
      visible={visible}
      header="Replicate existing objects?"
      onDismiss={() => onAnswer(false)}
      confirmLabel="Submit"
      onConfirm={() => onAnswer(choice === 'yes')}
    >
      <SpaceBetween size="m">
        <span>
          Replication rules apply to objects written from now on. To replicate the objects already in the
          bucket, create a one-time Batch Operations job (S3 Batch Replication).
        </span>
        <RadioField
          value={choice}
          onChange={setChoice}
          items={[
            {
              value: 'yes',
              label: 'Yes, replicate existing objects',
              description: 'Next, set up the Batch Replication job.',
            },
            { value: 'no', label: 'No, do not replicate existing objects' },
          ]}
        />
      </SpaceBetween>
    </ConfirmModal>
  );
}
