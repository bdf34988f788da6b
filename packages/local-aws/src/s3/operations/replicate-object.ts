import { timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { versionIdParam } from '../s3-errors.js';

// ReplicateObject: local-aws only, not an S3 operation (decision 0017). What S3 does inside the
// service for Batch Replication: replicate one version now, keeping its version ID, under the
// bucket's current rules. `POST /{Bucket}/{Key}?versionId=…` with `x-batchops-replicate: true`,
// signed by the bucket owner's key, and accepted only with the engine's per-process token.

function fromEngine(ctx: S3Context): boolean {
  const given = Buffer.from(header(ctx, 'x-batchops-engine-token') ?? '');
  const token = Buffer.from(ctx.svc.engineToken);
  return given.length === token.length && timingSafeEqual(given, token);
}

async function replicateObject(ctx: S3Context): Promise<HandlerResult> {
  if (!fromEngine(ctx))
    throw new ServiceError(
      403,
      'AccessDenied',
      'ReplicateObject is internal to local-aws: only S3 Batch Operations jobs (S3ReplicateObject) may call it.',
    );
  const row = await ctx.svc.replication.replicate(
    ctx.bucket as string,
    ctx.key as string,
    versionIdParam(ctx),
  );
  return {
    status: 200,
    headers: {
      'x-amz-version-id': row.versionId,
      'x-amz-replication-status': row.attrs.replicationStatus ?? 'COMPLETED',
      ...(row.isDeleteMarker ? { 'x-amz-delete-marker': 'true' } : {}),
    },
  };
}

export const replicateObjectRoutes: readonly S3Route[] = [
  {
    method: 'POST',
    scope: 'object',
    header: 'x-batchops-replicate',
    operation: 'ReplicateObject',
    handle: replicateObject,
  },
];
