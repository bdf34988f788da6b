import type { ReportScope } from '@batchops/contracts';
import Checkbox from '@cloudscape-design/components/checkbox';
import type { SpaceBetweenProps } from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { RadioField } from './form/radio-field';
import { Section } from './form/section';

interface CompletionReportSectionProps {
  readonly enabled: boolean;
  readonly onEnabled: (enabled: boolean) => void;
  readonly scope: ReportScope;
  readonly onScope: (scope: ReportScope) => void;
  /** Where the report goes, shown while it is enabled. */
  readonly children: ReactNode;
  readonly size?: SpaceBetweenProps['size'];
}

/** A job's completion report: whether there is one, of which tasks, and where (the wizard's and the rule flow's). */
export function CompletionReportSection({
  enabled,
  onEnabled,
  scope,
  onScope,
  children,
  size,
}: CompletionReportSectionProps) {
  return (
    <Section title="Completion report" size={size}>
      <Checkbox checked={enabled} onChange={({ detail }) => onEnabled(detail.checked)}>
        Generate completion report
      </Checkbox>
      {enabled && (
        <>
          <RadioField
            label="Completion report scope"
            value={scope}
            onChange={onScope}
            items={[
              { value: 'FailedTasksOnly', label: 'Failed tasks only' },
              { value: 'AllTasks', label: 'All tasks' },
            ]}
          />
          {children}
        </>
      )}
    </Section>
  );
}
