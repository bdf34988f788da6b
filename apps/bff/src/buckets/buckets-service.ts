import type { Readable } from 'node:stream';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { mapBounded, normalizeEtag } from '@batchops/batch-formats';
import type {
  BrowseObject,
  BrowseObjectsQuery,
  BrowseObjectsResponse,
  BucketVersioning,
  CreateBucketRequest,
  CreateBucketResponse,
  ListBucketsResponse,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectHead,
  ObjectReplicationStatus,
  ReplicationStatusesRequest,
  ReplicationStatusesResponse,
  UploadObjectRequest,
  UploadObjectResponse,
} from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';

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

/** CreateBucket in the console's Region, then versioning on when asked (two calls, as the AWS console does). */
export async function createBucket(
  s3: S3Client,
  region: string,
  req: CreateBucketRequest,
): Promise<CreateBucketResponse> {
  // us-east-1 answers 200 to CreateBucket on a bucket you own already: ask first, as the console does.
  const exists = await s3.send(new HeadBucketCommand({ Bucket: req.name })).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new HttpError(409, 'BucketAlreadyOwnedByYou', `You already own a bucket named ${req.name}.`, [
      { field: 'name', message: 'a bucket with this name already exists' },
    ]);
  await s3.send(
    new CreateBucketCommand({
      Bucket: req.name,
      // us-east-1 takes no LocationConstraint; every other Region needs its own.
      ...(region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
  if (req.versioning)
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: req.name, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  return { name: req.name };
}

export async function getVersioning(s3: S3Client, bucket: string): Promise<BucketVersioning> {
  const out = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return { status: out.Status === 'Enabled' || out.Status === 'Suspended' ? out.Status : null };
}

export async function putVersioning(
  s3: S3Client,
  bucket: string,
  status: 'Enabled' | 'Suspended',
): Promise<BucketVersioning> {
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: status } }),
  );
  return { status };
}

/** ListObjectVersions' two markers travel to the SPA as one opaque token. */
function encodeVersionMarkers(keyMarker: string, versionIdMarker: string): string {
  return Buffer.from(JSON.stringify([keyMarker, versionIdMarker])).toString('base64url');
}

function decodeVersionMarkers(token: string): { KeyMarker: string; VersionIdMarker?: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && (typeof v[1] === 'string' || v[1] === undefined))
      return { KeyMarker: v[0], ...(v[1] ? { VersionIdMarker: v[1] } : {}) };
  } catch {}
  throw new HttpError(400, 'ValidationError', 'The continuation token is not valid.', [
    { field: 'continuationToken', message: 'not a token this console gave' },
  ]);
}

/** The bucket page's browser: one level under a prefix, current objects or every version. */
export async function browseObjects(
  s3: S3Client,
  bucket: string,
  q: BrowseObjectsQuery,
): Promise<BrowseObjectsResponse> {
  const base = { bucket, prefix: q.prefix, versions: q.versions };
  if (!q.versions) {
    const page = await listObjects(s3, bucket, {
      prefix: q.prefix,
      ...(q.continuationToken ? { continuationToken: q.continuationToken } : {}),
    });
    return {
      ...base,
      prefixes: page.prefixes,
      objects: page.objects.map((o) => ({ ...o, versionId: null, isLatest: true, deleteMarker: false })),
      nextContinuationToken: page.nextContinuationToken,
    };
  }
  const out = await s3.send(
    new ListObjectVersionsCommand({
      Bucket: bucket,
      Prefix: q.prefix,
      Delimiter: '/',
      MaxKeys: 1000,
      ...(q.continuationToken ? decodeVersionMarkers(q.continuationToken) : {}),
    }),
  );
  const versions: BrowseObject[] = (out.Versions ?? []).map((v) => ({
    key: v.Key ?? '',
    size: v.Size ?? 0,
    etag: normalizeEtag(v.ETag) ?? null,
    lastModified: iso(v.LastModified),
    storageClass: v.StorageClass ?? null,
    versionId: v.VersionId ?? 'null',
    isLatest: v.IsLatest ?? false,
    deleteMarker: false,
  }));
  const markers: BrowseObject[] = (out.DeleteMarkers ?? []).map((m) => ({
    key: m.Key ?? '',
    size: 0,
    etag: null,
    lastModified: iso(m.LastModified),
    storageClass: null,
    versionId: m.VersionId ?? 'null',
    isLatest: m.IsLatest ?? false,
    deleteMarker: true,
  }));
  // S3 lists versions of a key newest first, apart from its delete markers: merge them back.
  const objects = [...versions, ...markers].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      Number(b.isLatest) - Number(a.isLatest) ||
      (b.lastModified ?? '').localeCompare(a.lastModified ?? ''),
  );
  return {
    ...base,
    prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean),
    objects,
    nextContinuationToken: out.IsTruncated
      ? encodeVersionMarkers(out.NextKeyMarker ?? '', out.NextVersionIdMarker ?? '')
      : null,
  };
}

/** HeadObject calls at once for one status request: a page of 100 costs 100 HEADs, 8 in flight. */
const STATUS_CONCURRENCY = 8;

/**
 * x-amz-replication-status of the objects the browser shows: S3 lists no replication status, so
 * the visible page is read with HeadObject (bounded concurrency; one failure marks its row only).
 */
export async function replicationStatuses(
  s3: S3Client,
  bucket: string,
  req: ReplicationStatusesRequest,
): Promise<ReplicationStatusesResponse> {
  const statuses = await mapBounded(
    req.objects as readonly { key: string; versionId?: string }[],
    STATUS_CONCURRENCY,
    async (o): Promise<ObjectReplicationStatus> => {
      try {
        const out = await s3.send(
          new HeadObjectCommand({
            Bucket: bucket,
            Key: o.key,
            ...(o.versionId ? { VersionId: o.versionId } : {}),
          }),
        );
        return {
          key: o.key,
          versionId: o.versionId ?? out.VersionId ?? null,
          replicationStatus: out.ReplicationStatus ?? null,
          error: null,
        };
      } catch (err) {
        // HEAD answers carry no error code: an object gone (or a delete marker) is a 404 'NotFound' row.
        const name = (err as { name?: string }).name ?? 'Error';
        return { key: o.key, versionId: o.versionId ?? null, replicationStatus: null, error: name };
      }
    },
  );
  return { statuses };
}

export async function uploadObject(
  s3: S3Client,
  bucket: string,
  req: UploadObjectRequest,
): Promise<UploadObjectResponse> {
  const body = Buffer.from(req.contentBase64, 'base64');
  const out = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: req.key,
      Body: body,
      ContentLength: body.length,
      ...(req.contentType ? { ContentType: req.contentType } : {}),
    }),
  );
  return { key: req.key, versionId: out.VersionId ?? null, etag: normalizeEtag(out.ETag) ?? null };
}

/** An object's bytes for a browser download: the stream, its length, and the file name (the key's last part). */
export async function getObjectForDownload(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<{ body: Readable; length: number | undefined; fileName: string }> {
  const out = await s3.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
  );
  return {
    body: out.Body as Readable,
    length: out.ContentLength,
    fileName: key.split('/').filter(Boolean).pop() ?? 'object',
  };
}
