import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

interface ModalFooterProps {
  readonly cancelLabel?: string;
  readonly onCancel: () => void;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly loading?: boolean;
  readonly disabled?: boolean;
}

/** The footer every console modal has: a link-style dismiss and one primary action, right-aligned. */
export function ModalFooter({
  cancelLabel = 'Cancel',
  onCancel,
  confirmLabel,
  onConfirm,
  loading = false,
  disabled = false,
}: ModalFooterProps) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant="primary" loading={loading} disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </SpaceBetween>
    </Box>
  );
}
