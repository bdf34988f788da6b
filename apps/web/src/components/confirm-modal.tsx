import Modal, { type ModalProps } from '@cloudscape-design/components/modal';
import type { ReactNode } from 'react';
import { ModalFooter } from './modal-footer';

interface ConfirmModalProps {
  readonly header: string;
  readonly onDismiss: () => void;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly cancelLabel?: string;
  readonly loading?: boolean;
  readonly disabled?: boolean;
  readonly size?: ModalProps['size'];
  readonly visible?: boolean;
  readonly children: ReactNode;
}

/** A console dialog with one primary action: Cancel (or its own word) dismisses it. */
export function ConfirmModal({
  header,
  onDismiss,
  size,
  visible = true,
  children,
  ...footer
}: ConfirmModalProps) {
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      closeAriaLabel="Close dialog"
      header={header}
      {...(size ? { size } : {})}
      footer={<ModalFooter onCancel={onDismiss} {...footer} />}
    >
      {children}
    </Modal>
  );
}
