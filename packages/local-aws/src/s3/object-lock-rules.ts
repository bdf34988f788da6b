import { ServiceError } from '../errors/service-error.js';
import { header } from '../http/handler-types.js';
import type { ObjectRow } from '../store/s3-rows.js';
import type { S3Context } from './s3-context.js';

const lockedError = () =>
  new ServiceError(403, 'AccessDenied', 'Access Denied because object protected by object lock.');

/**
 * Refuse to delete or overwrite a locked version: a legal hold, COMPLIANCE retention, or
 * GOVERNANCE retention without `x-amz-bypass-governance-retention: true`.
 */
export function assertVersionMutable(ctx: S3Context, row: ObjectRow): void {
  if (row.isDeleteMarker) return;
  if (row.attrs.legalHold === 'ON') throw lockedError();
  const retention = row.attrs.retention;
  if (retention && Date.parse(retention.until) > ctx.svc.now().getTime()) {
    const bypass = header(ctx, 'x-amz-bypass-governance-retention')?.toLowerCase() === 'true';
    if (retention.mode === 'COMPLIANCE' || !bypass) throw lockedError();
  }
}
