import Button from '@cloudscape-design/components/button';
import { TableEmptyState } from './table-empty-state';

/** The words of the no-match state, also given to tables we do not render (the S3 browser's). */
export const noMatchText = {
  title: 'No matches',
  description: "We can't find a match.",
  clearFilter: 'Clear filter',
} as const;

/** What a table shows when it has items but the filter matches none: a way back to all of them. */
export function TableNoMatchState({
  description = noMatchText.description,
  onClearFilter,
}: {
  description?: string;
  onClearFilter: () => void;
}) {
  return (
    <TableEmptyState
      title={noMatchText.title}
      description={description}
      action={<Button onClick={onClearFilter}>{noMatchText.clearFilter}</Button>}
    />
  );
}
