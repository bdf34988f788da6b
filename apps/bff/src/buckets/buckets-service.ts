import {
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { normalizeEtag } from '@batchops/batch-formats';
import type {
  ListBucketsResponse,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectHead,
} from '@batchops/contracts';

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

export async function listBuckets(s3: S3Client): Promise<ListBucketsResponse> {
  const out = await s3.send(new ListBucketsCommand({}));
  return {
    buckets: (out.Buckets ?? [])
      .map((b) => ({ name: b.Name ?? '', creationDate: iso(b.CreationDate) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One level under a prefix (delimiter `/`), one page of ListObjectsV2. */
export async function listObjects(
  s3: S3Client,
  bucket: string,
  q: ListObjectsQuery,
): Promise<ListObjectsResponse> {
  const out = await s3.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: q.prefix,
      Delimiter: '/',
      MaxKeys: 1000,
      ...(q.continuationToken ? { ContinuationToken: q.continuationToken } : {}),
    }),
  );
  return {
    bucket,
    prefix: q.prefix,
    prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean),
    objects: (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      etag: normalizeEtag(o.ETag) ?? null,
      lastModified: iso(o.LastModified),
      storageClass: o.StorageClass ?? null,
    })),
    nextContinuationToken: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
  };
}

export async function headObject(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<ObjectHead> {
  const out = await s3.send(
    new HeadObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
  );
  return {
    bucket,
    key,
    size: out.ContentLength ?? 0,
    etag: normalizeEtag(out.ETag) ?? null,
    lastModified: iso(out.LastModified),
    versionId: out.VersionId ?? null,
    // HeadObject leaves out x-amz-storage-class for STANDARD.
    storageClass: out.StorageClass ?? 'STANDARD',
  };
}
