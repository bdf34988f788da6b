import Header from '@cloudscape-design/components/header';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { TableEmptyState } from '../../../components/table-empty-state';

/** What each dashboard table is given: its rows, and how to follow a link. */
export interface TableOf<T> {
  readonly items: readonly T[];
  readonly loading: boolean;
  readonly follow: (href: string) => void;
}

interface DashboardTableProps<T> extends TableOf<T> {
  readonly title: string;
  readonly description: string;
  readonly columns: TableProps.ColumnDefinition<T>[];
  /** What an empty table says. */
  readonly empty: string;
  readonly trackBy: TableProps<T>['trackBy'];
}

/** One of the dashboard's tables: a counted header, its rows, and what it says when it has none. */
export function DashboardTable<T>(props: DashboardTableProps<T>) {
  return (
    <Table
      variant="container"
      ariaLabels={{ tableLabel: props.title }}
      header={
        <Header
          variant="h2"
          counter={props.loading ? undefined : `(${props.items.length})`}
          description={props.description}
        >
          {props.title}
        </Header>
      }
      items={props.items as T[]}
      columnDefinitions={props.columns}
      trackBy={props.trackBy}
      loading={props.loading}
      loadingText="Loading the dashboard"
      wrapLines
      empty={<TableEmptyState title={props.empty} />}
    />
  );
}
