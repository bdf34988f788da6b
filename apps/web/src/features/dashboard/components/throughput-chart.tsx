import type { ThroughputPoint } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import LineChart from '@cloudscape-design/components/line-chart';

const minute = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Tasks per second of every job of the Region together, per minute over the last hour. */
export function ThroughputChart({
  points,
  loading,
}: {
  points: readonly ThroughputPoint[];
  loading: boolean;
}) {
  const done = points.map((p) => ({ x: new Date(p.at), y: p.tasksPerSecond }));
  const failed = points.map((p) => ({ x: new Date(p.at), y: p.failedPerSecond }));
  const any = points.some((p) => p.tasksPerSecond > 0);
  return (
    <LineChart
      series={
        any
          ? [
              { title: 'Tasks per second', type: 'line', data: done, color: '#0972d3' },
              { title: 'Failed tasks per second', type: 'line', data: failed, color: '#d91515' },
            ]
          : []
      }
      ariaLabel="Tasks per second over the last hour"
      height={200}
      xScaleType="time"
      xTitle="Last hour"
      yTitle="Tasks/s"
      hideFilter
      statusType={loading ? 'loading' : 'finished'}
      loadingText="Loading the throughput"
      i18nStrings={{
        chartAriaRoleDescription: 'line chart',
        legendAriaLabel: 'Legend',
        xTickFormatter: minute,
        yTickFormatter: (y) => y.toLocaleString(),
      }}
      empty={
        <Box textAlign="center" color="inherit">
          <b>No tasks processed in the last hour</b>
        </Box>
      }
    />
  );
}
