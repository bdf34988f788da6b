import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import type { BucketRow, ObjectRow } from '../../store/s3-rows.js';
import { type ChecksumAlgorithm, checksumHeaderName } from '../body/checksums.js';
import { etagMatches, evaluateConditions, preconditionFailed } from '../conditional-headers.js';
import { receiveBody } from '../object-body.js';
import { commitVersion } from '../object-commit.js';
import { encryptionHeaders, objectHeaders } from '../object-headers.js';
import { assertVersionMutable } from '../object-lock-rules.js';
import { newObjectFromHeaders } from '../object-write-options.js';
import { restoreView } from '../restore-state.js';
import type { S3Context, S3Route } from '../s3-context.js';
import {
  headerNotImplemented,
  invalidArgument,
  noSuchKey,
  requireBucket,
  requireObject,
  versionIdParam,
} from '../s3-errors.js';

/** If-None-Match: * and If-Match on writes (conditional PUT, CompleteMultipartUpload). */
export function checkWriteConditions(ctx: S3Context, bucket: BucketRow, key: string): void {
  const ifNoneMatch = header(ctx, 'if-none-match');
  const ifMatch = header(ctx, 'if-match');
  if (ifNoneMatch === undefined && ifMatch === undefined) return;
  const current = ctx.svc.meta.getObject(bucket.name, key);
  const exists = current !== undefined && !current.isDeleteMarker;
  if (ifNoneMatch === '*' && exists) {
    throw new ServiceError(
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      {
        Condition: 'If-None-Match',
      },
    );
  }
  if (ifMatch !== undefined) {
    if (!exists) throw new ServiceError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    if (!etagMatches(ifMatch, current.etag)) {
      throw new ServiceError(
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        {
          Condition: 'If-Match',
        },
      );
    }
  }
}

async function putObject(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const { key, storageClass, attrs } = newObjectFromHeaders(ctx, bucket);
  checkWriteConditions(ctx, bucket, key);
  const body = await receiveBody(ctx);
  if (body.checksum) attrs.checksum = { ...body.checksum, type: 'FULL_OBJECT' };
  const { versionId } = await commitVersion(ctx, bucket, key, {
    size: body.size,
    etag: body.md5Hex,
    storageClass,
    blob: body.blob,
    attrs,
  });
  const headers: Record<string, string> = {
    etag: `"${body.md5Hex}"`,
    ...encryptionHeaders(attrs),
  };
  if (bucket.versioning !== null) headers['x-amz-version-id'] = versionId;
  if (body.checksum) {
    headers[checksumHeaderName(body.checksum.algorithm)] = body.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return { status: 200, headers };
}

/** Conditional GET/HEAD: 412 or 304, as RFC 7232 orders them. */
function checkReadConditions(ctx: S3Context, row: ObjectRow): HandlerResult | undefined {
  const outcome = evaluateConditions(ctx, row);
  if (outcome.kind === 'failed') throw preconditionFailed(outcome.condition);
  if (outcome.kind === 'not-modified') {
    return {
      status: 304,
      headers: { etag: `"${row.etag}"`, 'last-modified': new Date(row.lastModified).toUTCString() },
    };
  }
  return undefined;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → an inclusive range, or undefined to send everything. */
function parseRange(value: string | undefined, size: number): { start: number; end: number } | undefined {
  if (value === undefined) return undefined;
  const m = value.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // S3 ignores a range it cannot parse
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) throw invalidRange(size);
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) throw invalidRange(size);
  return { start, end };
}

const invalidRange = (size: number) =>
  new ServiceError(416, 'InvalidRange', 'The requested range is not satisfiable', {
    ActualObjectSize: String(size),
  });

/** What an HTTP header value may hold (RFC 9110 field-value, Latin-1 as Node sends it). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/** The checksum of part `n` of a multipart object uploaded with part checksums, as COMPOSITE. */
function partChecksumHeaders(row: ObjectRow, n: number): Record<string, string> {
  const algorithm = row.attrs.checksum?.algorithm as ChecksumAlgorithm | undefined;
  const value = row.attrs.partChecksums?.[n - 1];
  if (!algorithm || !value) return {};
  return { [checksumHeaderName(algorithm)]: value, 'x-amz-checksum-type': 'COMPOSITE' };
}

function readObject(ctx: S3Context, withBody: boolean): HandlerResult {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  // S3 answers 400 to a read that names an encryption only a write may (GetObject's reference).
  const sse = header(ctx, 'x-amz-server-side-encryption');
  if (sse !== undefined)
    throw invalidArgument(
      'x-amz-server-side-encryption header is not supported for this operation.',
      'x-amz-server-side-encryption',
      sse,
    );
  const now = ctx.svc.now().getTime();
  if (withBody && !restoreView(row.storageClass, row.attrs, now).readable) {
    throw new ServiceError(
      403,
      'InvalidObjectState',
      "The operation is not valid for the object's storage class",
      {
        StorageClass: row.storageClass,
      },
    );
  }
  const conditional = checkReadConditions(ctx, row);
  if (conditional) return conditional;
  const checksumMode = header(ctx, 'x-amz-checksum-mode') === 'ENABLED';
  const headers = objectHeaders(bucket, row, { now, checksumMode });
  for (const [param, name] of Object.entries(RESPONSE_OVERRIDES)) {
    const v = ctx.target.query.get(param)?.[0];
    if (v === undefined) continue;
    // Node refuses to send anything else as a header value.
    if (!HEADER_VALUE.test(v)) throw invalidArgument(`${param} is not a valid header value.`, param, v);
    headers[name] = v;
  }
  let range = parseRange(header(ctx, 'range'), row.size);
  const partNumber = ctx.target.query.get('partNumber')?.[0];
  if (partNumber !== undefined) {
    const n = Number(partNumber);
    const sizes = row.attrs.partSizes ?? [row.size];
    if (!Number.isInteger(n) || n < 1 || n > sizes.length) throw invalidRange(row.size);
    const start = sizes.slice(0, n - 1).reduce((a, b) => a + b, 0);
    range = { start, end: start + (sizes[n - 1] as number) - 1 };
    headers['x-amz-mp-parts-count'] = String(sizes.length);
  }
  if (row.size === 0) range = undefined;
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${row.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    // A ranged read carries no whole-object checksum; a part read, that part's (as S3 answers it).
    for (const k of Object.keys(headers)) if (k.startsWith('x-amz-checksum-')) delete headers[k];
    if (checksumMode && partNumber !== undefined)
      Object.assign(headers, partChecksumHeaders(row, Number(partNumber)));
  } else {
    headers['content-length'] = String(row.size);
  }
  const status = range ? 206 : 200;
  if (!withBody || row.blob === null || row.size === 0) return { status, headers };
  return { status, headers, body: ctx.svc.blobs.open(row.blob, range) };
}

/** Conditions S3 does not take on a general purpose bucket's DeleteObject (all buckets here are). */
const UNSUPPORTED_DELETE_CONDITIONS = ['x-amz-if-match-last-modified-time', 'x-amz-if-match-size'];

async function deleteObject(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const key = ctx.key as string;
  // Directory buckets only (S3 model): S3 refuses them before deleting anything.
  const unsupported = UNSUPPORTED_DELETE_CONDITIONS.find((h) => header(ctx, h) !== undefined);
  if (unsupported) throw headerNotImplemented(unsupported);
  const versionId = versionIdParam(ctx);
  const ifMatch = header(ctx, 'if-match');
  // A conditional delete applies to the current version only: with a versionId S3 refuses If-Match.
  if (versionId !== undefined && ifMatch !== undefined) throw headerNotImplemented('If-Match');
  const result = await deleteOne(ctx, bucket, key, versionId, ifMatch);
  const headers: Record<string, string> = {};
  if (result.deleteMarker) headers['x-amz-delete-marker'] = 'true';
  if (result.versionId !== undefined) headers['x-amz-version-id'] = result.versionId;
  return { status: 204, headers };
}

/**
 * DeleteObject semantics, shared with DeleteObjects: with a version id the version goes for good;
 * without, an Enabled bucket gets a delete marker, a Suspended one a null delete marker, and an
 * unversioned one loses the object. Deleting what is not there succeeds.
 */
export async function deleteOne(
  ctx: S3Context,
  bucket: BucketRow,
  key: string,
  versionId: string | undefined,
  ifMatch?: string,
): Promise<{ deleteMarker: boolean; versionId?: string }> {
  const { meta, blobs } = ctx.svc;
  if (ifMatch !== undefined) {
    // Conditional delete: only the version with that ETag (`*`: any that exists) goes.
    const current = meta.getObject(bucket.name, key, versionId);
    if (!current || current.isDeleteMarker) throw noSuchKey(key);
    if (!etagMatches(ifMatch, current.etag)) throw preconditionFailed('If-Match');
  }
  if (versionId !== undefined) {
    const row = meta.getObject(bucket.name, key, versionId);
    if (!row) return { deleteMarker: false, versionId };
    assertVersionMutable(ctx, row);
    meta.deleteVersion(bucket.name, key, versionId);
    await blobs.remove(row.blob);
    return { deleteMarker: row.isDeleteMarker, versionId };
  }
  if (bucket.versioning === null) {
    const row = meta.getObject(bucket.name, key, 'null');
    if (row) {
      assertVersionMutable(ctx, row);
      meta.deleteVersion(bucket.name, key, 'null');
      await blobs.remove(row.blob);
    }
    return { deleteMarker: false };
  }
  const marker = await commitVersion(ctx, bucket, key, {
    size: 0,
    etag: 'd41d8cd98f00b204e9800998ecf8427e',
    storageClass: 'STANDARD',
    blob: null,
    attrs: {},
    isDeleteMarker: true,
  });
  return { deleteMarker: true, versionId: marker.versionId };
}

export const objectRoutes: readonly S3Route[] = [
  { method: 'PUT', scope: 'object', operation: 'PutObject', handle: putObject },
  { method: 'GET', scope: 'object', operation: 'GetObject', handle: (ctx) => readObject(ctx, true) },
  { method: 'HEAD', scope: 'object', operation: 'HeadObject', handle: (ctx) => readObject(ctx, false) },
  { method: 'DELETE', scope: 'object', operation: 'DeleteObject', handle: deleteObject },
];
