import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';

/** A link the SPA follows itself (no page load); its href still opens in a new tab. */
export function InAppLink({
  href,
  onFollow,
  children,
}: {
  href: string;
  onFollow: (href: string) => void;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      onFollow={(e) => {
        e.preventDefault();
        onFollow(href);
      }}
    >
      {children}
    </Link>
  );
}

/** A table's row-header column whose cell is an in-app link to the row's page. */
export function linkColumn<T>(column: {
  readonly id: string;
  readonly header: string;
  readonly text: (item: T) => string;
  readonly href: (item: T) => string;
  readonly onFollow: (href: string) => void;
  readonly sortingField?: string;
}): TableProps.ColumnDefinition<T> {
  const { id, header, text, href, onFollow, sortingField } = column;
  return {
    id,
    header,
    isRowHeader: true,
    cell: (item) => (
      <InAppLink href={href(item)} onFollow={onFollow}>
        {text(item)}
      </InAppLink>
    ),
    ...(sortingField ? { sortingField } : {}),
  };
}
