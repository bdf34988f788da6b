import type { JobStatus } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import PieChart from '@cloudscape-design/components/pie-chart';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { InAppLink } from '../../../components/in-app-link';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { paths } from '../../../config/navigation';
import { jobsKeys } from '../api/jobs-keys';
import { searchParamsFromQuery } from './jobs-filter';
import { countByGroup, type StatusGroup, statusesOf } from './jobs-overview-groups';

const statusesQuery = queryOptions<Record<string, JobStatus>>({
  queryKey: jobsKeys.statuses(),
  queryFn: skipToken,
  staleTime: Number.POSITIVE_INFINITY,
});

const groupColors: Record<StatusGroup, string> = {
  'Awaiting confirmation': '#8d6605',
  Running: '#0972d3',
  Complete: '#037f0c',
  Failed: '#d91515',
  Cancelled: '#5f6b7a',
};

/** Jobs of the Region by status group, from the live list stream the page already follows. */
export function JobsOverview() {
  const navigate = useNavigate();
  const statuses = useQuery(statusesQuery).data;
  // Each count opens the job list filtered to what it counts.
  const count = (n: number, href: string) =>
    statuses ? (
      <InAppLink href={href} onFollow={(h) => void navigate(h)}>
        {n.toLocaleString()}
      </InAppLink>
    ) : (
      '-'
    );
  const counts = countByGroup(Object.values(statuses ?? {}));
  const total = counts.reduce((n, c) => n + c.count, 0);
  // No all-zero overview: the list's empty state speaks for a Region without jobs.
  if (statuses && total === 0) return null;
  return (
    <Container
      header={
        <Header variant="h2" description="Every job of the Region, by status.">
          Overview
        </Header>
      }
    >
      <ColumnLayout columns={2} variant="text-grid">
        <KeyValuePairs
          columns={2}
          ariaLabel="Jobs by status"
          items={[
            { label: 'All jobs', value: count(total, paths.jobs) },
            ...counts.map((c) => ({
              label: c.group,
              value: count(
                c.count,
                `${paths.jobs}?${searchParamsFromQuery({ status: statusesOf(c.group) })}`,
              ),
            })),
          ]}
        />
        <PieChart
          variant="donut"
          size="small"
          hideFilter
          hideLegend
          data={counts
            .filter((c) => c.count > 0)
            .map((c) => ({ title: c.group, value: c.count, color: groupColors[c.group] }))}
          innerMetricValue={total.toLocaleString()}
          innerMetricDescription="jobs"
          ariaLabel="Jobs by status group"
          statusType={statuses ? 'finished' : 'loading'}
          loadingText="Loading jobs"
          segmentDescription={(d, sum) => `${d.value} job(s), ${Math.round((d.value / sum) * 100)}%`}
          i18nStrings={{ chartAriaRoleDescription: 'donut chart', segmentAriaRoleDescription: 'segment' }}
          empty={
            <Box textAlign="center" color="inherit">
              <b>No jobs</b>
            </Box>
          }
        />
      </ColumnLayout>
    </Container>
  );
}
