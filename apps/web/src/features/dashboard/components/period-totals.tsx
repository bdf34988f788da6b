import type { ListStatus, PeriodTotals } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { InAppLink } from '../../../components/in-app-link';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { jobListHref } from './dashboard-links';

function Period({
  title,
  hours,
  totals,
  follow,
}: {
  title: string;
  hours: number;
  totals: PeriodTotals | undefined;
  follow: (href: string) => void;
}) {
  // Each count opens the jobs it counts: that status, ended in that period.
  const ended = (status: ListStatus) => jobListHref({ status: [status], endedWithinHours: hours });
  const link = (n: number | undefined, href: string) =>
    n === undefined ? (
      '-'
    ) : (
      <InAppLink href={href} onFollow={follow}>
        {n.toLocaleString()}
      </InAppLink>
    );
  const t = totals;
  return (
    <SpaceBetween size="s">
      <Box variant="h3">{title}</Box>
      <KeyValuePairs
        columns={1}
        ariaLabel={title}
        items={[
          { label: 'Completed', value: link(t?.completed, ended('CompletedWithoutFailures')) },
          {
            label: 'Completed with failures',
            value: link(t?.completedWithFailures, ended('CompletedWithFailures')),
          },
          { label: 'Failed', value: link(t?.failed, ended('Failed')) },
          { label: 'Cancelled', value: link(t?.cancelled, ended('Cancelled')) },
          {
            label: 'Tasks processed',
            value: t
              ? `${(t.tasksSucceeded + t.tasksFailed).toLocaleString()} (${t.tasksFailed.toLocaleString()} failed)`
              : '-',
          },
        ]}
      />
    </SpaceBetween>
  );
}

/** Jobs that ended in the last 24 hours and 7 days, by how they ended; each count opens the list. */
export function PeriodTotalsPanel({
  last24Hours,
  last7Days,
  follow,
}: {
  last24Hours: PeriodTotals | undefined;
  last7Days: PeriodTotals | undefined;
  follow: (href: string) => void;
}) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Jobs that ended in the period; each count opens the job list filtered to the jobs it counts."
        >
          Ended jobs
        </Header>
      }
    >
      <ColumnLayout columns={2} variant="text-grid">
        <Period title="Last 24 hours" hours={24} totals={last24Hours} follow={follow} />
        <Period title="Last 7 days" hours={24 * 7} totals={last7Days} follow={follow} />
      </ColumnLayout>
    </Container>
  );
}
