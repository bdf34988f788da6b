import type { ObjectReplicationStatus } from '@batchops/contracts';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { TableEmptyState } from '../../../components/table-empty-state';
import { useFilteredTable } from '../../../components/use-filtered-table';
import { useBrowseObjects } from '../api/browse-objects';
import { useReplicationStatuses } from '../api/get-replication-statuses';
import {
  type BrowserItem,
  objectColumnDefinitions,
  objectsPageSize,
  statusId,
  toBrowserItems,
} from './object-browser-config';
import { UploadModal } from './upload-modal';

/** The replication status of the objects on screen (read per page, not per bucket), by row. */
function useRowStatuses(bucket: string, items: readonly BrowserItem[], versions: boolean) {
  const onScreen = useMemo(
    () =>
      items.flatMap((i) =>
        i.kind === 'object' && !i.object.deleteMarker
          ? [{ key: i.object.key, ...(i.object.versionId ? { versionId: i.object.versionId } : {}) }]
          : [],
      ),
    [items],
  );
  const statuses = useReplicationStatuses(bucket, onScreen);
  const byId = useMemo(() => {
    const map = new Map<string, ObjectReplicationStatus>();
    for (const s of statuses.data?.statuses ?? []) map.set(statusId(s.key, versions ? s.versionId : null), s);
    return map;
  }, [statuses.data, versions]);
  return { statuses, byId };
}

/** The bucket and the folders down to the one in view; each opens its level. */
function FolderBreadcrumbs(props: {
  bucket: string;
  prefix: string;
  onPrefixChange: (prefix: string) => void;
}) {
  const parts = props.prefix.split('/').filter(Boolean);
  return (
    <BreadcrumbGroup
      ariaLabel="Folder"
      items={[
        { text: props.bucket, href: '#' },
        ...parts.map((p, i) => ({ text: p, href: `#${parts.slice(0, i + 1).join('/')}/` })),
      ]}
      onFollow={(e) => {
        e.preventDefault();
        props.onPrefixChange(e.detail.href === '#' ? '' : e.detail.href.slice(1));
      }}
    />
  );
}

function ObjectsHeader(props: {
  count: string | undefined;
  error: Error | null;
  onRefresh: () => void;
  onUpload: () => void;
}) {
  return (
    <Header
      variant="h2"
      counter={props.count}
      description={
        props.error
          ? `Could not list objects: ${props.error.message}`
          : 'Objects are the fundamental entities stored in Amazon S3. Replication status is read for the objects on this page.'
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button iconName="refresh" ariaLabel="Refresh objects" onClick={props.onRefresh} />
          <Button variant="primary" iconName="upload" onClick={props.onUpload}>
            Upload
          </Button>
        </SpaceBetween>
      }
    >
      Objects
    </Header>
  );
}

/**
 * The Objects tab: one level of the bucket (folders, objects, every version with "Show versions"),
 * and the replication status of the rows on screen (read per page, not per bucket).
 */
export function ObjectBrowser({
  bucket,
  prefix,
  onPrefixChange,
}: {
  bucket: string;
  prefix: string;
  onPrefixChange: (prefix: string) => void;
}) {
  const [versions, setVersions] = useState(false);
  const [uploading, setUploading] = useState(false);
  const listing = useBrowseObjects(bucket, prefix, versions);
  const all = useMemo(
    () => (listing.data ? toBrowserItems(prefix, listing.data.prefixes, listing.data.objects) : []),
    [listing.data, prefix],
  );
  const { items, collectionProps, filter, pagination } = useFilteredTable(all, {
    filteringFunction: (item, text) => item.name.toLowerCase().startsWith(text.toLowerCase()),
    empty: (
      <TableEmptyState
        title="No objects"
        description="There are no objects in this folder."
        action={<Button onClick={() => setUploading(true)}>Upload</Button>}
      />
    ),
    noMatch: 'No objects or folders start with this prefix.',
    find: { placeholder: 'Find objects by prefix', ariaLabel: 'Find objects by prefix' },
    pageSize: objectsPageSize,
  });
  const { statuses, byId } = useRowStatuses(bucket, items, versions);
  return (
    <>
      <Table
        {...collectionProps}
        items={items}
        loading={listing.isPending}
        loadingText="Loading objects"
        trackBy="id"
        wrapLines={versions}
        columnDefinitions={objectColumnDefinitions({
          versions,
          statuses: byId,
          statusesLoading: statuses.isFetching,
          onOpenFolder: onPrefixChange,
        })}
        header={
          <SpaceBetween size="xs">
            <ObjectsHeader
              count={
                listing.data ? `(${all.length}${listing.data.nextContinuationToken ? '+' : ''})` : undefined
              }
              error={listing.error}
              onRefresh={() => {
                void listing.refetch();
                void statuses.refetch();
              }}
              onUpload={() => setUploading(true)}
            />
            <FolderBreadcrumbs bucket={bucket} prefix={prefix} onPrefixChange={onPrefixChange} />
          </SpaceBetween>
        }
        filter={
          <SpaceBetween direction="horizontal" size="l" alignItems="center">
            {filter}
            <Toggle checked={versions} onChange={(e) => setVersions(e.detail.checked)}>
              Show versions
            </Toggle>
          </SpaceBetween>
        }
        pagination={pagination}
      />
      <UploadModal
        bucket={bucket}
        prefix={prefix}
        visible={uploading}
        onDismiss={() => setUploading(false)}
      />
    </>
  );
}
