import type { DeniedActionCount } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';

/** The report's AccessDenied failures, one row per missing action: what to add to the job's role. */
export function DeniedActions({
  groups,
  actions,
}: {
  groups: readonly DeniedActionCount[];
  /** What fixes the role (Create role from template). */
  actions?: ReactNode;
}) {
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <Table
      header={
        <Header
          variant="h2"
          counter={`(${total})`}
          actions={actions}
          description="Tasks failed because the job's IAM role does not allow an action. Allow the action in the role's policy, or create a role from this job's template, and retry the failed tasks as that role."
        >
          Access denied: missing permissions
        </Header>
      }
      ariaLabels={{ tableLabel: 'Access denied by action' }}
      items={[...groups]}
      trackBy={(g) => g.action ?? '(not named)'}
      columnDefinitions={[
        {
          id: 'action',
          header: 'Missing action',
          cell: (g) => (g.action ? <Box variant="code">{g.action}</Box> : 'Not named in the message'),
        },
        { id: 'count', header: 'Failed tasks', cell: (g) => g.count.toLocaleString() },
        {
          id: 'resource',
          header: 'Example resource',
          cell: (g) => (g.exampleResource ? <Box variant="code">{g.exampleResource}</Box> : '-'),
        },
      ]}
    />
  );
}
