import type { PolicyDocument } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** A policy document as indented JSON, with a copy button; a labelled region for screen readers and tests. */
export function PolicyDocumentView({ label, document }: { label: string; document: PolicyDocument | null }) {
  const text = document ? JSON.stringify(document, null, 2) : '(the document could not be read)';
  return (
    <SpaceBetween size="xs">
      <Header
        variant="h3"
        actions={
          document && (
            <CopyToClipboard
              variant="button"
              textToCopy={text}
              copyButtonText="Copy JSON"
              copySuccessText={`${label} copied`}
              copyErrorText="Could not copy"
            />
          )
        }
      >
        {label}
      </Header>
      <section
        aria-label={label}
        style={{
          border: '1px solid rgba(127, 127, 127, 0.35)',
          borderRadius: 8,
          // No scrolling box of its own (a region keyboard users could not scroll): the page or dialog scrolls.
          padding: '8px 12px',
        }}
      >
        <Box variant="code">
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{text}</pre>
        </Box>
      </section>
    </SpaceBetween>
  );
}
