import type { TableProps } from '@cloudscape-design/components/table';

/** A single-selection table's accessible names: each row's radio, and the selection column's header. */
export function singleSelectionLabels<T>(
  noun: string,
  nameOf: (item: T) => string,
): TableProps<T>['ariaLabels'] {
  return {
    itemSelectionLabel: (_state, item) => `Select ${noun} ${nameOf(item)}`,
    selectionGroupLabel: `${noun[0]?.toUpperCase()}${noun.slice(1)} selection`,
  };
}
