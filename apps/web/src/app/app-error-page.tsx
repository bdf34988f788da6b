import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import { useRouteError } from 'react-router';
import { asError, ErrorFallback } from '../components/error-boundary';
import { paths } from '../config/navigation';

/** The last resort, when the shell itself fails: the router renders this in place of everything. */
export function AppErrorPage() {
  const error = useRouteError();
  return (
    <Box padding="l">
      <ErrorFallback header="The console failed to render" error={asError(error)} />
      <Box variant="p" padding={{ top: 's' }}>
        <Link href={paths.jobs}>Go to Batch Operations</Link>
      </Box>
    </Box>
  );
}
