import { ServiceError } from '../errors/service-error.js';
import type { BucketRow, ObjectRow } from '../store/s3-rows.js';
import type { S3Context } from './s3-context.js';

/** S3's bare refusal, which names no reason. */
export const accessDenied = () => new ServiceError(403, 'AccessDenied', 'Access Denied');

export const noSuchBucket = (bucket: string) =>
  new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string) =>
  new ServiceError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

export const noSuchVersion = (key: string, versionId: string) =>
  new ServiceError(404, 'NoSuchVersion', 'The specified version does not exist.', {
    Key: key,
    VersionId: versionId,
  });

export const invalidArgument = (message: string, name?: string, value?: string) =>
  new ServiceError(400, 'InvalidArgument', message, {
    ...(name !== undefined ? { ArgumentName: name } : {}),
    ...(value !== undefined ? { ArgumentValue: value } : {}),
  });

/** S3's refusal of a request header whose feature it lacks here (e.g. directory-bucket-only ones). */
export const headerNotImplemented = (name: string) =>
  new ServiceError(
    501,
    'NotImplemented',
    'A header you provided implies functionality that is not implemented',
    {
      Header: name,
    },
  );

/**
 * A key with a C1 control character (U+0080–U+009F) is a URI S3 cannot parse: 400 InvalidURI, for
 * every operation on it (ceph/s3-tests `test_object_read_unreadable`, recorded against AWS).
 */
export function checkKeyParses(key: string | undefined): void {
  if (key !== undefined && /[\u0080-\u009f]/.test(key))
    throw new ServiceError(400, 'InvalidURI', "Couldn't parse the specified URI.");
}

/** The addressed bucket, or NoSuchBucket. */
export function requireBucket(ctx: S3Context): BucketRow {
  const name = ctx.bucket as string;
  const b = ctx.svc.meta.getBucket(name);
  if (!b) throw noSuchBucket(name);
  return b;
}

/** The `versionId` query parameter, checked. */
export function versionIdParam(ctx: S3Context): string | undefined {
  const v = ctx.target.query.get('versionId')?.[0];
  if (v === undefined) return undefined;
  if (v === '') throw invalidArgument('Version id cannot be the empty string', 'versionId', v);
  // Version ids are printable ASCII (they go back out in x-amz-version-id headers).
  if (!/^[\x21-\x7e]{1,1024}$/.test(v)) throw invalidArgument('Invalid version id specified', 'versionId', v);
  return v;
}

/**
 * The addressed object version (latest, or ?versionId). A latest delete marker answers NoSuchKey
 * with x-amz-delete-marker; a version that is a delete marker answers MethodNotAllowed, as S3 does.
 */
export function requireObject(ctx: S3Context, opts: { allowDeleteMarker?: boolean } = {}): ObjectRow {
  requireBucket(ctx);
  const key = ctx.key as string;
  const versionId = versionIdParam(ctx);
  const row = ctx.addressed
    ? ctx.addressed.row
    : ctx.svc.meta.getObject(ctx.bucket as string, key, versionId);
  if (!row) {
    if (versionId !== undefined) {
      if (!/^[A-Za-z0-9._-]+$/.test(versionId) && versionId !== 'null') {
        throw invalidArgument('Invalid version id specified', 'versionId', versionId);
      }
      throw noSuchVersion(key, versionId);
    }
    throw noSuchKey(key);
  }
  if (row.isDeleteMarker && !opts.allowDeleteMarker) {
    if (versionId !== undefined) {
      throw new DeleteMarkerError(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        row.versionId,
      );
    }
    throw new DeleteMarkerError(404, 'NoSuchKey', 'The specified key does not exist.', row.versionId);
  }
  return row;
}

/** An error about a delete marker; S3 adds x-amz-delete-marker and x-amz-version-id headers. */
export class DeleteMarkerError extends ServiceError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly versionId: string,
  ) {
    super(status, code, message);
    // S3 tells the client which delete marker hides the key, whatever the operation.
    this.headers = { 'x-amz-delete-marker': 'true', 'x-amz-version-id': versionId };
  }
}
