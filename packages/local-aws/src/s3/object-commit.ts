import type { BucketRow, ObjectAttrs } from '../store/s3-rows.js';
import { newVersionId } from './object-body.js';
import { assertVersionMutable } from './object-lock-rules.js';
import type { S3Context } from './s3-context.js';

/**
 * Who owns a version written now: its writer, or the bucket owner when BucketOwnerPreferred and the
 * writer gave it bucket-owner-full-control (BucketOwnerEnforced makes every object the bucket owner's
 * whoever wrote it; decision 0016).
 */
function ownerOfNew(bucket: BucketRow, writer: string, attrs: ObjectAttrs): string {
  const acl = attrs.acl as { canned?: string } | undefined;
  const preferred =
    bucket.config.ownershipControls === 'BucketOwnerPreferred' && acl?.canned === 'bucket-owner-full-control';
  return preferred ? bucket.owner : writer;
}

/**
 * Make new bytes the latest version of a key (PutObject, CopyObject, CompleteMultipartUpload):
 * a new version id when versioning is Enabled, else the null version is replaced. The metadata
 * row commits after the blob is in place, so a crash never shows a partial object.
 */
export async function commitVersion(
  ctx: S3Context,
  bucket: BucketRow,
  key: string,
  v: {
    size: number;
    etag: string;
    storageClass: string;
    blob: string | null;
    attrs: ObjectAttrs;
    isDeleteMarker?: boolean;
    /** The account writing it, when not the caller (the initiator of a multipart upload). */
    writer?: string;
  },
): Promise<{ versionId: string; lastModified: number }> {
  const versionId = bucket.versioning === 'Enabled' ? newVersionId() : 'null';
  if (versionId === 'null') {
    const current = ctx.svc.meta.getObject(bucket.name, key, 'null');
    if (current) {
      try {
        assertVersionMutable(ctx, current);
      } catch (e) {
        await ctx.svc.blobs.remove(v.blob);
        throw e;
      }
    }
  }
  const lastModified = ctx.svc.now().getTime();
  const writer = ownerOfNew(bucket, v.writer ?? ctx.identity.accountId, v.attrs);
  // Live replication: a version a rule covers is PENDING and queued with its row, in one commit.
  const live = ctx.svc.replication.liveFor(bucket, key, v.attrs, v.isDeleteMarker ?? false);
  let replacedBlob: string | null;
  try {
    ({ replacedBlob } = await ctx.svc.meta.batch(() => {
      const put = ctx.svc.meta.putVersion({
        bucket: bucket.name,
        key,
        versionId,
        isDeleteMarker: v.isDeleteMarker ?? false,
        size: v.size,
        etag: v.etag,
        lastModified,
        storageClass: v.storageClass,
        blob: v.blob,
        attrs: { ...v.attrs, owner: writer, ...(live.status ? { replicationStatus: live.status } : {}) },
      });
      if (live.queue) ctx.svc.meta.replicationQueue.enqueue(bucket.name, key, versionId, lastModified);
      return put;
    }));
  } catch (e) {
    // The row did not commit (disk full, I/O error): its bytes go too, nothing half-made stays.
    await ctx.svc.blobs.remove(v.blob);
    throw e;
  }
  if (replacedBlob && replacedBlob !== v.blob) await ctx.svc.blobs.remove(replacedBlob);
  if (live.queue) ctx.svc.replication.kick();
  return { versionId, lastModified };
}
