import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/** What a table shows when it has no items at all: a title, a line, and what to do next. */
export function TableEmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xxs">
        <b>{title}</b>
        {description && (
          <Box variant="p" color="inherit">
            {description}
          </Box>
        )}
      </SpaceBetween>
      {action && <Box padding={{ top: 's' }}>{action}</Box>}
    </Box>
  );
}
