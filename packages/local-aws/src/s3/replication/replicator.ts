import { ServiceError } from '../../errors/service-error.js';
import type { BlobStore } from '../../store/blob-store.js';
import type { S3MetaStore } from '../../store/s3-meta-store.js';
import type { BucketRow, ObjectAttrs, ObjectRow } from '../../store/s3-rows.js';
import { destinationBucketName, type ReplicationRule, readReplicationConfig } from '../replication-config.js';
import { applicableRules } from './replication-rules.js';

// S3 Replication (decision 0017): copies object versions to the destination buckets of the source
// bucket's replication rules, keeping version ID, LastModified, metadata, tags and ACL. Live
// replication queues each new version durably (replication_queue, same transaction as the version)
// and works the queue in the background; Batch Replication (S3ReplicateObject) calls `replicate`.

/** Why a version could not be replicated: a replication failure reason of S3 (task error code). */
export class ReplicationFailure extends ServiceError {}

const fail = (status: number, code: string, message: string) => new ReplicationFailure(status, code, message);

/** Storage classes whose objects must be restored before Batch Replication can read them. */
const ARCHIVED = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/** May the source's account write a replica (or a delete marker) into `bucket`? write-consent.ts's check. */
export type WriteConsent = (
  bucket: BucketRow,
  writer: { readonly accountId: string; readonly principalArn?: string },
  action: 's3:ReplicateObject' | 's3:ReplicateDelete' | 's3:ObjectOwnerOverrideToBucketOwner',
  key: string,
) => boolean;

export interface ReplicatorDeps {
  readonly meta: S3MetaStore;
  readonly blobs: BlobStore;
  readonly now: () => Date;
  /** How long live replication waits before copying a queued version (tests hold it back). */
  readonly delayMs: () => number;
  readonly log?: (line: string) => void;
  /** The one cross-account write check (write-consent.ts), given so the replicator need not import the ACL layer. */
  readonly mayWriteInto: WriteConsent;
}

/**
 * Replicas are written as the source bucket's account and its replication role: into another
 * account's bucket only with its consent (decisions 0026, 0032: the destination's bucket policy),
 * else S3's failure reason for a destination that refuses the write.
 */
function assertConsent(
  mayWriteInto: WriteConsent,
  source: BucketRow,
  dest: BucketRow,
  row: ObjectRow,
  rule: ReplicationRule,
): void {
  const writer = { accountId: source.owner, principalArn: readReplicationConfig(source)?.Role };
  const isDeleteMarker = row.isDeleteMarker;
  if (isDeleteMarker && !mayWriteInto(dest, writer, 's3:ReplicateDelete', row.key))
    throw fail(
      403,
      'DstDelObjNotPermitted',
      `Amazon S3 is unable to replicate delete markers to the destination bucket ${dest.name}: the s3:ReplicateDelete permission is missing for it (it belongs to another account, which has not granted it).`,
    );
  if (isDeleteMarker) return;
  // Owner override hands the replica to the rule's Account, which must own the destination bucket.
  const account = rule.Destination.Account;
  if (rule.Destination.AccessControlTranslation && account !== undefined && account !== dest.owner)
    throw fail(
      403,
      'DstPutObjectNotPermitted',
      `Amazon S3 is unable to replicate objects to the destination bucket ${dest.name}: the rule's Account ${account} does not own it.`,
    );
  // Owner override (AccessControlTranslation) into another account needs its own grant (S3 User Guide).
  const missing = !mayWriteInto(dest, writer, 's3:ReplicateObject', row.key)
    ? 's3:ReplicateObject'
    : rule.Destination.AccessControlTranslation &&
        !mayWriteInto(dest, writer, 's3:ObjectOwnerOverrideToBucketOwner', row.key)
      ? 's3:ObjectOwnerOverrideToBucketOwner'
      : undefined;
  if (missing)
    throw fail(
      403,
      'DstPutObjectNotPermitted',
      `Amazon S3 is unable to replicate objects to the destination bucket ${dest.name}: the ${missing} permission is missing for it (it belongs to another account, which has not granted it).`,
    );
}

/** Replications of the queue worked at once. */
const LIVE_CONCURRENCY = 8;

export class Replicator {
  private running = 0;
  /** Highest queue id taken by the worker (rows above it are still to take). */
  private cursor = 0;
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private closed = false;

  constructor(private readonly deps: ReplicatorDeps) {}

  /**
   * What a version written now to `bucket` needs: the replication status to store with it
   * (PENDING when a rule covers it) and whether to queue it. Replicas (REPLICA) never replicate again.
   */
  liveFor(
    bucket: BucketRow,
    key: string,
    attrs: ObjectAttrs,
    isDeleteMarker: boolean,
  ): { status?: 'PENDING'; queue: boolean } {
    if (bucket.versioning !== 'Enabled' || attrs.replicationStatus === 'REPLICA') return { queue: false };
    const cfg = readReplicationConfig(bucket);
    if (!cfg) return { queue: false };
    const rules = applicableRules(cfg, key, attrs.tags, isDeleteMarker);
    if (rules.length === 0) return { queue: false };
    return isDeleteMarker ? { queue: true } : { status: 'PENDING', queue: true };
  }

  /** Start working the queue (what a restart left in it first). */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.kick();
  }

  /** New rows were queued: take them when their delay is over. */
  kick(): void {
    if (!this.started || this.closed) return;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, 0);
    }
  }

  private pump(): void {
    if (this.closed) return;
    const delay = this.deps.delayMs();
    const free = LIVE_CONCURRENCY - this.running;
    if (free <= 0) return;
    const rows = this.deps.meta.replicationQueue.pending(this.cursor, free);
    const due = this.deps.now().getTime() - delay;
    for (const row of rows) {
      if (row.enqueued > due) {
        // Not due yet: come back when it is.
        this.timer ??= setTimeout(
          () => {
            this.timer = undefined;
            this.pump();
          },
          Math.max(10, row.enqueued - due),
        );
        break;
      }
      this.cursor = row.id;
      this.running++;
      const work = this.live(row.bucket, row.key, row.versionId)
        .catch((e) => this.deps.log?.(`live replication of ${row.bucket}/${row.key}: ${String(e)}`))
        .then(() => this.deps.meta.batch(() => this.deps.meta.replicationQueue.finish(row.id)))
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.inFlight.delete(work);
          this.pump();
        });
      this.inFlight.add(work);
    }
  }

  /** Stop taking work and wait for the replications in flight (the queue keeps the rest). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** One queued live replication: the rules of now, every destination; the source status says how it went. */
  private async live(bucketName: string, key: string, versionId: string): Promise<void> {
    const { meta } = this.deps;
    const source = meta.getBucket(bucketName);
    const row = source && meta.getObject(bucketName, key, versionId);
    if (!source || !row) return;
    const cfg = readReplicationConfig(source);
    const rules = cfg ? applicableRules(cfg, key, row.attrs.tags, row.isDeleteMarker) : [];
    if (rules.length === 0) {
      // The configuration changed since: the version is no longer eligible.
      if (row.attrs.replicationStatus === 'PENDING') await this.setStatus(row, undefined);
      return;
    }
    await this.toDestinations(source, row, rules);
  }

  /**
   * Batch Replication of one version (S3ReplicateObject): under the bucket's current rules,
   * whatever its replication status (NONE, FAILED, COMPLETED, REPLICA). Throws a ReplicationFailure
   * with S3's failure reason when it cannot; the source status becomes COMPLETED or FAILED.
   */
  async replicate(bucketName: string, key: string, versionId: string | undefined): Promise<ObjectRow> {
    const { meta } = this.deps;
    const source = meta.getBucket(bucketName);
    if (!source) throw fail(404, 'SrcBucketNotFound', `The source bucket ${bucketName} does not exist.`);
    const cfg = readReplicationConfig(source);
    if (!cfg)
      throw fail(
        400,
        'SrcBucketReplicationConfigMissing',
        `The source bucket ${bucketName} has no replication configuration.`,
      );
    const row = meta.getObject(bucketName, key, versionId ?? undefined);
    if (!row)
      throw fail(
        404,
        'SrcKeyNotFound',
        `The source object ${key}${versionId ? ` ${versionId}` : ''} does not exist.`,
      );
    const rules = applicableRules(cfg, key, row.attrs.tags, row.isDeleteMarker);
    if (rules.length === 0)
      throw fail(
        400,
        'SrcObjectNotEligible',
        row.isDeleteMarker
          ? 'No enabled rule replicates this delete marker (DeleteMarkerReplication).'
          : 'No enabled replication rule covers this object.',
      );
    if (ARCHIVED.has(row.storageClass) && !row.attrs.restore?.expiry)
      throw fail(
        400,
        'SrcObjectNotEligible',
        `Objects in ${row.storageClass} must be restored before Batch Replication can replicate them.`,
      );
    const failure = await this.toDestinations(source, row, rules);
    if (failure) throw failure;
    return meta.getObject(bucketName, key, row.versionId) ?? row;
  }

  /** Copy to every destination; the source status: COMPLETED when all succeeded, else FAILED. */
  private async toDestinations(
    source: BucketRow,
    row: ObjectRow,
    rules: readonly ReplicationRule[],
  ): Promise<ReplicationFailure | undefined> {
    let failure: ReplicationFailure | undefined;
    for (const rule of rules) {
      try {
        await this.copyTo(source, row, rule);
      } catch (e) {
        failure ??=
          e instanceof ReplicationFailure
            ? e
            : fail(
                500,
                'InternalError',
                `Replicating to ${destinationBucketName(rule)} failed: ${String(e)}`,
              );
      }
    }
    // A delete marker has no replication status; a replica replicated on keeps REPLICA.
    if (!row.isDeleteMarker && row.attrs.replicationStatus !== 'REPLICA')
      await this.setStatus(row, failure ? 'FAILED' : 'COMPLETED');
    return failure;
  }

  private async setStatus(row: ObjectRow, status: string | undefined): Promise<void> {
    const { meta } = this.deps;
    await meta.batch(() =>
      meta.patchAttrs(row.bucket, row.key, row.versionId, (a) => {
        const next = { ...a };
        if (status === undefined) delete next.replicationStatus;
        else next.replicationStatus = status;
        return next;
      }),
    );
  }

  /** Write the replica of one version into one rule's destination, same version ID. */
  private async copyTo(source: BucketRow, row: ObjectRow, rule: ReplicationRule): Promise<void> {
    const { meta, blobs } = this.deps;
    const name = destinationBucketName(rule);
    const dest = meta.getBucket(name);
    if (!dest) throw fail(404, 'DstBucketNotFound', `The destination bucket ${name} does not exist.`);
    assertConsent(this.deps.mayWriteInto, source, dest, row, rule);
    if (dest.versioning !== 'Enabled')
      throw fail(400, 'DstBucketUnversioned', `Versioning is not enabled on the destination bucket ${name}.`);
    if (source.objectLock && !dest.objectLock)
      throw fail(
        400,
        'DstBucketObjectLockConfigMissing',
        `The source bucket has Object Lock enabled and the destination bucket ${name} has not.`,
      );
    if (meta.wasDeleted(name, row.key, row.versionId))
      throw fail(
        400,
        'DstObjectHardDeleted',
        `Version ${row.versionId} of ${row.key} was deleted from ${name} and cannot be replicated again.`,
      );
    const sourceOwner = row.attrs.owner ?? source.owner;
    const { restore: _restore, replicationStatus: _status, ...kept } = row.attrs;
    const attrs: ObjectAttrs = row.isDeleteMarker
      ? { owner: sourceOwner, replicationStatus: 'REPLICA' }
      : { ...kept, owner: sourceOwner, replicationStatus: 'REPLICA' };
    if (!row.isDeleteMarker && rule.Destination.AccessControlTranslation?.Owner === 'Destination') {
      // Owner override: the destination's account owns the replica, with a private ACL.
      attrs.owner = dest.owner;
      delete attrs.acl;
    }
    const storageClass = row.isDeleteMarker
      ? 'STANDARD'
      : (rule.Destination.StorageClass ?? row.storageClass);
    const existing = meta.getObject(name, row.key, row.versionId);
    // The bytes of a version never change: a replica already there keeps its blob.
    let blob: string | null = null;
    let copied = false;
    if (!row.isDeleteMarker && row.blob !== null) {
      if (existing?.blob && existing.etag === row.etag) blob = existing.blob;
      else {
        blob = (await blobs.write(blobs.read(row.blob) as AsyncIterable<Buffer>)).blob;
        copied = true;
      }
    }
    let replaced: string | null;
    try {
      ({ replacedBlob: replaced } = await meta.batch(() =>
        meta.putReplica({
          bucket: name,
          key: row.key,
          versionId: row.versionId,
          isDeleteMarker: row.isDeleteMarker,
          size: row.size,
          etag: row.etag,
          lastModified: row.lastModified,
          storageClass,
          blob,
          attrs,
        }),
      ));
    } catch (e) {
      if (copied) await blobs.remove(blob);
      throw e;
    }
    if (replaced && replaced !== blob) await blobs.remove(replaced);
  }
}
