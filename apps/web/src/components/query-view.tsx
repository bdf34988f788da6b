import Alert, { type AlertProps } from '@cloudscape-design/components/alert';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** A query's answer where it is shown: a loading line while it is read, an alert when it fails. */
export function QueryView<T>({
  query,
  loading,
  errorHeader,
  errorType = 'error',
  children,
}: {
  query: UseQueryResult<T>;
  /** What is being read, e.g. "Reading the role". */
  loading: string;
  errorHeader: string;
  errorType?: AlertProps['type'];
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <StatusIndicator type="loading">{loading}</StatusIndicator>;
  if (query.isError)
    return (
      <Alert type={errorType} header={errorHeader}>
        {query.error.message}
      </Alert>
    );
  return children(query.data);
}
