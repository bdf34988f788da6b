import type { DashboardResponse } from '@batchops/contracts';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { InAppLink } from '../../../components/in-app-link';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { formatRate } from '../../../lib/job-rates';
import { jobListHref } from './dashboard-links';
import { ThroughputChart } from './throughput-chart';

/** What "active" counts: every status that is neither ended nor awaiting confirmation. */
const ACTIVE = [
  'New',
  'Preparing',
  'Ready',
  'Active',
  'Pausing',
  'Paused',
  'Completing',
  'Cancelling',
  'Failing',
] as const;

/** The Region now: throughput, failure rate, jobs running and waiting, and the last hour's chart. */
export function DashboardNow({
  data,
  follow,
}: {
  data: DashboardResponse | undefined;
  follow: (href: string) => void;
}) {
  const link = (text: string, href: string) =>
    data ? (
      <InAppLink href={href} onFollow={follow}>
        {text}
      </InAppLink>
    ) : (
      '-'
    );
  const rate = data?.failureRate;
  return (
    <Container
      header={
        <Header variant="h2" description="Every job of the Region, sampled by the console while it runs.">
          Now
        </Header>
      }
    >
      <ColumnLayout columns={2}>
        <KeyValuePairs
          columns={2}
          ariaLabel="The Region now"
          items={[
            { label: 'Throughput', value: data ? formatRate(data.tasksPerSecond) : '-' },
            {
              label: 'Failure rate (last hour)',
              value: rate == null ? '-' : `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)} %`,
            },
            {
              label: 'Active jobs',
              value: link(String(data?.active.length ?? 0), jobListHref({ status: ACTIVE })),
            },
            {
              label: 'Awaiting confirmation',
              value: link(
                String(data?.awaitingConfirmation.length ?? 0),
                jobListHref({ status: ['Suspended'] }),
              ),
            },
          ]}
        />
        <ThroughputChart points={data?.throughput ?? []} loading={!data} />
      </ColumnLayout>
    </Container>
  );
}
