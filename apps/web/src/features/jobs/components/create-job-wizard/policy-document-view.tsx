import type { PolicyDocument } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** A policy document as indented JSON, with a copy button; labelled for screen readers and tests. */
export function PolicyDocumentView({ label, document }: { label: string; document: PolicyDocument | null }) {
  const text = document ? JSON.stringify(document, null, 2) : '(the document could not be read)';
  return (
    <SpaceBetween size="xxs">
      <Box variant="awsui-key-label">{label}</Box>
      <section aria-label={label}>
        <Box variant="code">
          <pre
            style={{
              margin: 0,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
              maxHeight: 320,
              overflow: 'auto',
            }}
          >
            {text}
          </pre>
        </Box>
      </section>
      {document && (
        <CopyToClipboard
          variant="inline"
          textToCopy={text}
          copyButtonAriaLabel={`Copy ${label}`}
          copySuccessText="Copied"
          copyErrorText="Could not copy"
        />
      )}
    </SpaceBetween>
  );
}
