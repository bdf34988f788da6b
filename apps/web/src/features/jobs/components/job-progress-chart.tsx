import type { JobDetails } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import LineChart from '@cloudscape-design/components/line-chart';
import { useJobProgress } from '../api/get-job-progress';
import { progressSeries } from './progress-chart-series';

const time = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Tasks succeeded and failed over time (the BFF's samples, then the live stream's). */
export function JobProgressChart({ job }: { job: JobDetails }) {
  const history = useJobProgress(job.jobId);
  const { succeeded, failed } = progressSeries(history.data?.samples ?? [], job);
  // One point draws no line: the empty state says why instead.
  const series =
    succeeded.length > 1
      ? [
          { title: 'Tasks succeeded', type: 'line' as const, data: succeeded, color: '#037f0c' },
          { title: 'Tasks failed', type: 'line' as const, data: failed, color: '#d91515' },
        ]
      : [];
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Sampled by the console for every job of its Region, kept across restarts; a job's start and end are always shown."
        >
          Tasks over time
        </Header>
      }
    >
      <LineChart
        series={series}
        xScaleType="time"
        xTitle="Time"
        yTitle="Tasks"
        height={220}
        hideFilter
        ariaLabel="Tasks succeeded and failed over time"
        statusType={history.isPending ? 'loading' : history.isError ? 'error' : 'finished'}
        loadingText="Loading the progress"
        errorText={history.error ? `Could not read the progress: ${history.error.message}` : 'Error'}
        i18nStrings={{
          xTickFormatter: time,
          yTickFormatter: (y) => y.toLocaleString(),
          legendAriaLabel: 'Legend',
          chartAriaRoleDescription: 'line chart',
        }}
        empty={
          <Box textAlign="center" color="inherit">
            <b>No progress yet</b>
            <Box variant="p" color="inherit">
              The chart fills in while the job runs.
            </Box>
          </Box>
        }
      />
    </Container>
  );
}
