import type { ObjectReplicationStatus } from '@batchops/contracts';
import { useCollection } from '@cloudscape-design/collection-hooks';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { TableEmptyState } from '../../../components/table-empty-state';
import { TableNoMatchState } from '../../../components/table-no-match-state';
import { useBrowseObjects } from '../api/browse-objects';
import { useReplicationStatuses } from '../api/get-replication-statuses';
import { objectColumnDefinitions, objectsPageSize, statusId, toBrowserItems } from './object-browser-config';
import { UploadModal } from './upload-modal';

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
  const { items, actions, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(
    all,
    {
      filtering: {
        filteringFunction: (item, text) => item.name.toLowerCase().startsWith(text.toLowerCase()),
        empty: (
          <TableEmptyState
            title="No objects"
            description="There are no objects in this folder."
            action={<Button onClick={() => setUploading(true)}>Upload</Button>}
          />
        ),
        noMatch: (
          <TableNoMatchState
            description="No objects or folders start with this prefix."
            onClearFilter={() => actions.setFiltering('')}
          />
        ),
      },
      pagination: { pageSize: objectsPageSize },
    },
  );
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
  const parts = prefix.split('/').filter(Boolean);
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
            <Header
              variant="h2"
              counter={
                listing.data ? `(${all.length}${listing.data.nextContinuationToken ? '+' : ''})` : undefined
              }
              description={
                listing.isError
                  ? `Could not list objects: ${listing.error.message}`
                  : 'Objects are the fundamental entities stored in Amazon S3. Replication status is read for the objects on this page.'
              }
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    iconName="refresh"
                    ariaLabel="Refresh objects"
                    onClick={() => {
                      void listing.refetch();
                      void statuses.refetch();
                    }}
                  />
                  <Button variant="primary" iconName="upload" onClick={() => setUploading(true)}>
                    Upload
                  </Button>
                </SpaceBetween>
              }
            >
              Objects
            </Header>
            <BreadcrumbGroup
              ariaLabel="Folder"
              items={[
                { text: bucket, href: '#' },
                ...parts.map((p, i) => ({ text: p, href: `#${parts.slice(0, i + 1).join('/')}/` })),
              ]}
              onFollow={(e) => {
                e.preventDefault();
                onPrefixChange(e.detail.href === '#' ? '' : e.detail.href.slice(1));
              }}
            />
          </SpaceBetween>
        }
        filter={
          <SpaceBetween direction="horizontal" size="l" alignItems="center">
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find objects by prefix"
              filteringAriaLabel="Find objects by prefix"
              countText={`${filteredItemsCount ?? 0} matches`}
            />
            <Toggle checked={versions} onChange={(e) => setVersions(e.detail.checked)}>
              Show versions
            </Toggle>
          </SpaceBetween>
        }
        pagination={<Pagination {...paginationProps} />}
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
