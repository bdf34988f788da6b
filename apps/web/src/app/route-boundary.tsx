import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';

/** One route's content behind its own boundary; any navigation (a new location key) tries again. */
export function RouteBoundary({ page, children }: { page: string; children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary header={`The ${page} page failed to render`} resetKeys={[location.key]}>
      {children}
    </ErrorBoundary>
  );
}
