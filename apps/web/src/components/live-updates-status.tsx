import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { StreamStatus } from '../lib/stream-status';

/** Nothing while updates flow; a warning with the reason while the stream is paused and retrying. */
export function LiveUpdatesStatus({ status }: { status: StreamStatus }) {
  if (status.state !== 'paused') return null;
  return (
    <Box variant="span">
      <StatusIndicator type="warning">Live updates paused — retrying</StatusIndicator>
      {status.reason && (
        <Box variant="small" display="block">
          {status.reason}
        </Box>
      )}
    </Box>
  );
}
