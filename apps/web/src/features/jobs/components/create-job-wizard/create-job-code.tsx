import type { CliCommandResponse, JobWizardModel } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { QueryView } from '../../../../components/query-view';
import { useCliCommand } from '../../api/get-cli-command';

/** Each way to make the same job from code: its tab, and the name its text is read by. */
const codeTabs = [
  { id: 'cli', label: 'AWS CLI', name: 'AWS CLI command', code: (d: CliCommandResponse) => d.command },
  { id: 'boto3', label: 'Python (boto3)', name: 'boto3 code', code: (d: CliCommandResponse) => d.boto3 },
  {
    id: 'sdk-js',
    label: 'JavaScript (SDK v3)',
    name: 'AWS SDK for JavaScript v3 code',
    code: (d: CliCommandResponse) => d.sdkJs,
  },
] as const;

function CodeBlock({ name, code }: { name: string; code: string }) {
  return (
    <SpaceBetween size="s">
      <fieldset aria-label={name} style={{ border: 0, margin: 0, padding: 0 }}>
        <Box variant="code">
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{code}</span>
        </Box>
      </fieldset>
      <CopyToClipboard
        variant="button"
        textToCopy={code}
        copyButtonText="Copy"
        copySuccessText="Copied"
        copyErrorText="Could not copy"
      />
    </SpaceBetween>
  );
}

/** The job this wizard would create as an `aws s3control create-job` command, boto3 and SDK v3 code. */
export function CreateJobCode({ model }: { model: JobWizardModel }) {
  const code = useCliCommand(model);
  return (
    <ExpandableSection headerText="Show AWS CLI command and SDK code" variant="container">
      <QueryView query={code} loading="Writing the command" errorHeader="Could not write the command">
        {(d) => (
          <SpaceBetween size="m">
            {d.notes.length > 0 && (
              <Alert type="info" header="Before you run it">
                <ul>
                  {d.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <Tabs
              ariaLabel="Code that creates this job"
              tabs={codeTabs.map((t) => ({
                id: t.id,
                label: t.label,
                content: <CodeBlock name={t.name} code={t.code(d)} />,
              }))}
            />
          </SpaceBetween>
        )}
      </QueryView>
    </ExpandableSection>
  );
}
