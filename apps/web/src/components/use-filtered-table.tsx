import { useCollection } from '@cloudscape-design/collection-hooks';
import Pagination from '@cloudscape-design/components/pagination';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { ReactNode } from 'react';
import { TableNoMatchState } from './table-no-match-state';

interface FilteredTableOptions<T> {
  /** What the table shows when it has no items at all. */
  readonly empty: ReactNode;
  /** Why the filter matches nothing, e.g. "No buckets match the filter." */
  readonly noMatch: string;
  /** The text filter's placeholder and name. */
  readonly find: { readonly placeholder: string; readonly ariaLabel: string };
  /** After "N matches", e.g. " on this page" when the filter sees one page. */
  readonly countSuffix?: string;
  readonly filteringFunction?: (item: T, text: string) => boolean;
  readonly sortingField?: string;
  /** Pages the items in the browser; without it every item shows. */
  readonly pageSize?: number;
  /** The filter text the table opens with (a link's, e.g. the dashboard's error code). */
  readonly initialFilter?: string;
}

/** A table's items filtered by text (with its empty and no-match states), sorted and paged in the browser. */
export function useFilteredTable<T>(all: readonly T[], options: FilteredTableOptions<T>) {
  const {
    empty,
    noMatch,
    find,
    countSuffix = '',
    filteringFunction,
    sortingField,
    pageSize,
    initialFilter,
  } = options;
  const { items, actions, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(
    all as T[],
    {
      filtering: {
        ...(filteringFunction ? { filteringFunction } : {}),
        ...(initialFilter ? { defaultFilteringText: initialFilter } : {}),
        empty,
        noMatch: <TableNoMatchState description={noMatch} onClearFilter={() => actions.setFiltering('')} />,
      },
      ...(sortingField ? { sorting: { defaultState: { sortingColumn: { sortingField } } } } : {}),
      ...(pageSize ? { pagination: { pageSize } } : {}),
    },
  );
  return {
    items,
    collectionProps,
    filter: (
      <TextFilter
        {...filterProps}
        filteringPlaceholder={find.placeholder}
        filteringAriaLabel={find.ariaLabel}
        countText={`${filteredItemsCount ?? 0} matches${countSuffix}`}
      />
    ),
    pagination: pageSize ? <Pagination {...paginationProps} /> : undefined,
  };
}
