import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { RouteBoundary } from './route-boundary';

/** What the content area shows while a page's chunk is on its way (the shell stays usable). */
function PageLoading() {
  return (
    <Box textAlign="center" padding={{ vertical: 'xxxl' }}>
      <StatusIndicator type="loading">Loading page</StatusIndicator>
    </Box>
  );
}

/** A route's element: its page behind the route's own error boundary. */
export function page(name: string, Page: ComponentType): ReactElement {
  return (
    <RouteBoundary page={name}>
      <Page />
    </RouteBoundary>
  );
}

/**
 * A page in a chunk of its own, fetched on the first visit of its route, so the job list's first
 * load carries none of it (decision 0030); a failed fetch lands in the route's error boundary.
 */
export function lazyPage(name: string, load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <RouteBoundary page={name}>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </RouteBoundary>
  );
}
