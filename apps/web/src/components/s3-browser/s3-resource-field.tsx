import S3ResourceSelector, {
  type S3ResourceSelectorProps,
} from '@cloudscape-design/components/s3-resource-selector';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { noMatchText } from '../table-no-match-state';
import { listBucketsQueryOptions } from './api/list-buckets';
import { listObjectsQueryOptions } from './api/list-objects';
import { browserHrefOf } from './s3-uri';

// The URI input is type="search", which Chromium clears on Esc: the typed URI must survive an Esc.
const keepOnEscape = (e: KeyboardEvent<HTMLDivElement>) => {
  // The browse modal is portalled outside this div: its Esc (close, clear a filter) stays untouched.
  if (e.key === 'Escape' && e.target instanceof HTMLInputElement && e.currentTarget.contains(e.target))
    e.preventDefault();
};

// The modal's tables are Cloudscape's own: they take our empty and no-match words, not our components.
const browserTableText: S3ResourceSelectorProps.I18nStrings = {
  selectionBucketsNoItems: 'No buckets',
  selectionObjectsNoItems: 'No objects',
  filteringNoMatches: noMatchText.title,
  filteringCantFindMatch: noMatchText.description,
  clearFilterButtonText: noMatchText.clearFilter,
};

interface S3ResourceFieldProps {
  readonly uri: string;
  readonly onChange: (uri: string) => void;
  /** objects: pick an object (a manifest); buckets: pick a bucket or a folder (a destination). */
  readonly pick: 'objects' | 'buckets';
  readonly invalid?: boolean;
  readonly ariaLabel: string;
  readonly placeholder: string;
}

/** An S3 URI typed or browsed in a modal, as the S3 console does it. */
export function S3ResourceField({
  uri,
  onChange,
  pick,
  invalid,
  ariaLabel,
  placeholder,
}: S3ResourceFieldProps) {
  const queryClient = useQueryClient();
  const fetchBuckets: S3ResourceSelectorProps['fetchBuckets'] = async () => {
    const { buckets } = await queryClient.fetchQuery(listBucketsQueryOptions());
    return buckets.map((b) => ({
      Name: b.name,
      ...(b.creationDate ? { CreationDate: b.creationDate } : {}),
    }));
  };
  const fetchObjects: S3ResourceSelectorProps['fetchObjects'] = async (bucket, pathPrefix) => {
    const listing = await queryClient.fetchQuery(listObjectsQueryOptions(bucket, pathPrefix));
    // The selector names entries relative to the folder it shows.
    const relative = (key: string) => key.slice(pathPrefix.length);
    return [
      ...listing.prefixes.map((p) => ({ Key: relative(p), IsFolder: true })),
      ...listing.objects.map((o) => ({
        Key: relative(o.key),
        Size: o.size,
        IsFolder: false,
        ...(o.lastModified ? { LastModified: o.lastModified } : {}),
      })),
    ];
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only guards the input inside against Esc clearing it.
    <div onKeyDown={keepOnEscape}>
      <S3ResourceSelector
        resource={{ uri }}
        onChange={({ detail }) => onChange(detail.resource.uri)}
        fetchBuckets={fetchBuckets}
        fetchObjects={fetchObjects}
        fetchVersions={async () => []}
        selectableItemsTypes={pick === 'objects' ? ['objects'] : ['buckets', 'objects']}
        objectsIsItemDisabled={pick === 'objects' ? (item) => item.IsFolder === true : () => false}
        bucketsVisibleColumns={['Name', 'CreationDate']}
        objectsVisibleColumns={['Key', 'LastModified', 'Size']}
        invalid={invalid ?? false}
        ariaLabel={ariaLabel}
        inputPlaceholder={placeholder}
        i18nStrings={browserTableText}
        viewHref={browserHrefOf(uri)}
      />
    </div>
  );
}
