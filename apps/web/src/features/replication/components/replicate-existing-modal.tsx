import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ModalFooter } from '../../../components/modal-footer';

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
    <Modal
      visible={visible}
      header="Replicate existing objects?"
      onDismiss={() => onAnswer(false)}
      footer={
        <ModalFooter
          confirmLabel="Submit"
          onCancel={() => onAnswer(false)}
          onConfirm={() => onAnswer(choice === 'yes')}
        />
      }
    >
      <SpaceBetween size="m">
        <span>
          Replication rules apply to objects written from now on. To replicate the objects already in the
          bucket, create a one-time Batch Operations job (S3 Batch Replication).
        </span>
        <RadioGroup
          value={choice}
          onChange={(e) => setChoice(e.detail.value as 'yes' | 'no')}
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
    </Modal>
  );
}
