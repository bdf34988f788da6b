import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface PageFormProps {
  /** The page's h1 Header. */
  readonly header: ReactNode;
  /** What went wrong with the submit as a whole (not a field's). */
  readonly errorText?: string | undefined;
  readonly submitLabel: string;
  readonly submitting: boolean;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

/** A page that is one form, as the console's: sections, then Cancel and the primary action; Enter submits. */
export function PageForm({
  header,
  errorText,
  submitLabel,
  submitting,
  onSubmit,
  onCancel,
  children,
}: PageFormProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Form
        header={header}
        errorText={errorText}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={submitting}>
              {submitLabel}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">{children}</SpaceBetween>
      </Form>
    </form>
  );
}
