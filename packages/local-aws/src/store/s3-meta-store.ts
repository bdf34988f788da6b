import { type SqliteDatabase, type Transaction, transactionOf } from '@batchops/engine';
import { GroupCommit } from './group-commit.js';
import { ReplicationQueue } from './replication-queue.js';
import {
  type BucketDbRow,
  type BucketRow,
  type ObjectAttrs,
  type ObjectDbRow,
  type ObjectRow,
  objectColumns,
  toBucket,
  toObject,
} from './s3-rows.js';
import { openS3Database } from './s3-schema.js';
import { UploadTable } from './upload-table.js';

// The metadata of buckets and object versions, in SQLite (WAL): one committed row is one object
// that exists; bytes live in blob files written before the row (decision 0004).

export class S3MetaStore {
  readonly db: SqliteDatabase;
  /** Multipart uploads and their parts. */
  readonly uploads: UploadTable;
  /** Live replications still to do. */
  readonly replicationQueue: ReplicationQueue;
  private seq: number;
  private readonly stmts;
  /** Runs store calls atomically (its statements compiled once, not per call). */
  readonly transaction: Transaction;
  private readonly commits: GroupCommit;
  /** Every request reads its bucket; rows are cached and dropped on each bucket write. */
  private readonly bucketCache = new Map<string, BucketRow | null>();

  /** `defaultOwner` owns the buckets of a data directory from before buckets had owners. */
  constructor(
    file: string,
    private readonly defaultOwner = '000000000000',
  ) {
    this.db = openS3Database(file, defaultOwner);
    this.transaction = transactionOf(this.db);
    this.commits = new GroupCommit(this.transaction);
    this.uploads = new UploadTable(this.db, this.transaction);
    this.replicationQueue = new ReplicationQueue(this.db);
    this.seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM objects').get() as { s: number }).s;
    const db = this.db;
    this.stmts = {
      getBucket: db.prepare('SELECT * FROM buckets WHERE name = ?'),
      listBuckets: db.prepare('SELECT * FROM buckets ORDER BY name'),
      insertBucket: db.prepare(
        'INSERT INTO buckets (name, region, created, versioning, object_lock, config, owner) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteBucket: db.prepare('DELETE FROM buckets WHERE name = ?'),
      setVersioning: db.prepare('UPDATE buckets SET versioning = ? WHERE name = ?'),
      enableObjectLock: db.prepare('UPDATE buckets SET object_lock = 1 WHERE name = ?'),
      setConfig: db.prepare('UPDATE buckets SET config = ? WHERE name = ?'),
      anyObject: db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1'),
      getLatest: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND is_latest = 1'),
      getVersion: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND version_id = ?'),
      versionBlob: db.prepare('SELECT blob FROM objects WHERE bucket = ? AND key = ? AND version_id = ?'),
      clearLatest: db.prepare(
        'UPDATE objects SET is_latest = 0 WHERE bucket = ? AND key = ? AND is_latest = 1',
      ),
      deleteVersion: db.prepare('DELETE FROM objects WHERE bucket = ? AND key = ? AND version_id = ?'),
      recordDeletedVersion: db.prepare(
        'INSERT OR REPLACE INTO deleted_versions (bucket, key, version_id, seq) VALUES (?, ?, ?, ?)',
      ),
      deletedVersion: db.prepare(
        'SELECT seq FROM deleted_versions WHERE bucket = ? AND key = ? AND version_id = ?',
      ),
      forgetDeletedVersions: db.prepare('DELETE FROM deleted_versions WHERE bucket = ?'),
      newestVersion: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND key = ? ORDER BY seq DESC LIMIT 1',
      ),
      setLatest: db.prepare(
        'UPDATE objects SET is_latest = 1 WHERE bucket = ? AND key = ? AND version_id = ?',
      ),
      insertObject: db.prepare(
        `INSERT INTO objects (bucket, key, version_id, seq, is_latest, is_delete_marker, size, etag, last_modified, storage_class, blob, attrs)
         VALUES (@bucket, @key, @version_id, @seq, @is_latest, @is_delete_marker, @size, @etag, @last_modified, @storage_class, @blob, @attrs)`,
      ),
      updateAttrs: db.prepare('UPDATE objects SET attrs = ? WHERE bucket = ? AND key = ? AND version_id = ?'),
      updateStorageClass: db.prepare(
        'UPDATE objects SET storage_class = ?, attrs = ? WHERE bucket = ? AND key = ? AND version_id = ?',
      ),
      listLatest: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND is_latest = 1 AND key >= ? ORDER BY key LIMIT ?',
      ),
      listLatestAfter: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND is_latest = 1 AND key > ? ORDER BY key LIMIT ?',
      ),
      listVersionsAfter: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND (key > ? OR (key = ? AND seq < ?)) ORDER BY key, seq DESC LIMIT ?',
      ),
      listVersionsFrom: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND key >= ? ORDER BY key, seq DESC LIMIT ?',
      ),
      keyVersions: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? ORDER BY seq'),
      setSeqLatest: db.prepare(
        'UPDATE objects SET seq = ?, is_latest = ? WHERE bucket = ? AND key = ? AND version_id = ?',
      ),
    };
  }

  close(): void {
    this.db.close();
  }

  // Buckets ------------------------------------------------------------------------------------
  getBucket(name: string): BucketRow | undefined {
    const cached = this.bucketCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const r = this.stmts.getBucket.get(name) as BucketDbRow | undefined;
    const row = r ? toBucket(r) : undefined;
    if (this.bucketCache.size > 10_000) this.bucketCache.clear();
    this.bucketCache.set(name, row ?? null);
    return row;
  }

  listBuckets(): BucketRow[] {
    return (this.stmts.listBuckets.all() as BucketDbRow[]).map(toBucket);
  }

  createBucket(b: {
    name: string;
    region: string;
    objectLock: boolean;
    created: number;
    owner?: string;
  }): void {
    this.stmts.insertBucket.run(
      b.name,
      b.region,
      b.created,
      b.objectLock ? 'Enabled' : null,
      b.objectLock ? 1 : 0,
      '{}',
      b.owner ?? this.defaultOwner,
    );
    this.bucketCache.delete(b.name);
  }

  /**
   * Delete a bucket that holds no object version (delete markers count), with its unfinished
   * multipart uploads, as S3 does. Returns the part blobs to remove, or undefined when not empty.
   */
  deleteBucket(name: string): string[] | undefined {
    const blobs = this.transaction(() => {
      if (this.stmts.anyObject.get(name) !== undefined) return undefined;
      const parts = this.uploads.dropBucket(name);
      this.stmts.forgetDeletedVersions.run(name);
      this.stmts.deleteBucket.run(name);
      return parts;
    });
    this.bucketCache.delete(name);
    return blobs;
  }

  setVersioning(name: string, status: 'Enabled' | 'Suspended'): void {
    this.stmts.setVersioning.run(status, name);
    this.bucketCache.delete(name);
  }

  enableObjectLock(name: string): void {
    this.stmts.enableObjectLock.run(name);
    this.bucketCache.delete(name);
  }

  /** Set (or, with undefined, remove) one bucket subresource document. */
  setBucketConfig(name: string, key: string, value: unknown): void {
    const b = this.getBucket(name);
    if (!b) return;
    const config = { ...b.config };
    if (value === undefined) delete config[key];
    else config[key] = value;
    this.stmts.setConfig.run(JSON.stringify(config), name);
    this.bucketCache.delete(name);
  }

  // Objects ------------------------------------------------------------------------------------
  getObject(bucket: string, key: string, versionId?: string): ObjectRow | undefined {
    const r = (
      versionId === undefined
        ? this.stmts.getLatest.get(bucket, key)
        : this.stmts.getVersion.get(bucket, key, versionId)
    ) as ObjectDbRow | undefined;
    return r && toObject(r);
  }

  /**
   * Make `row` the latest version of its key in one transaction. A version with the same id (the
   * null version) is replaced; its blob path is returned so the caller can delete the file.
   */
  putVersion(row: Omit<ObjectRow, 'seq' | 'isLatest'>): { replacedBlob: string | null; seq: number } {
    return this.transaction(() => {
      // Only its blob matters (not the row's inline bytes and attributes).
      const old = this.stmts.versionBlob.get(row.bucket, row.key, row.versionId) as
        | Pick<ObjectDbRow, 'blob'>
        | undefined;
      if (old) this.stmts.deleteVersion.run(row.bucket, row.key, row.versionId);
      this.stmts.clearLatest.run(row.bucket, row.key);
      const seq = ++this.seq;
      this.stmts.insertObject.run(objectColumns(row, seq, true));
      return { replacedBlob: old?.blob ?? null, seq };
    });
  }

  /** Remove one version; if it was the latest, the next newest becomes latest. */
  deleteVersion(bucket: string, key: string, versionId: string): ObjectRow | undefined {
    return this.transaction(() => {
      const old = this.stmts.getVersion.get(bucket, key, versionId) as ObjectDbRow | undefined;
      if (!old) return undefined;
      this.stmts.deleteVersion.run(bucket, key, versionId);
      // The null version too: a listing resumed at version-id-marker=null goes on from its place.
      this.stmts.recordDeletedVersion.run(bucket, key, versionId, old.seq);
      if (old.is_latest === 1) {
        const next = this.stmts.newestVersion.get(bucket, key) as ObjectDbRow | undefined;
        if (next) this.stmts.setLatest.run(bucket, key, next.version_id);
      }
      return toObject(old);
    });
  }

  /**
   * Store a replica (decision 0017): the version keeps its source version ID and LastModified, so
   * it takes its place among the key's versions by LastModified (a replica of an older version does
   * not become the latest); the key's versions are renumbered in that order. A version with the
   * same ID is replaced. Returns the blob of the replaced version.
   */
  putReplica(row: Omit<ObjectRow, 'seq' | 'isLatest'>): { replacedBlob: string | null } {
    return this.transaction(() => {
      const old = this.stmts.getVersion.get(row.bucket, row.key, row.versionId) as ObjectDbRow | undefined;
      if (old) this.stmts.deleteVersion.run(row.bucket, row.key, row.versionId);
      const others = this.stmts.keyVersions.all(row.bucket, row.key) as ObjectDbRow[];
      const seqs = [...others.map((o) => o.seq), old?.seq ?? ++this.seq].sort((a, b) => a - b);
      // Oldest first; a replica as old as a version already there goes after it.
      const ordered: Array<{ versionId: string; lastModified: number; isNew: boolean }> = [
        ...others.map((o) => ({ versionId: o.version_id, lastModified: o.last_modified, isNew: false })),
      ];
      const at = ordered.findIndex((o) => o.lastModified > row.lastModified);
      ordered.splice(at === -1 ? ordered.length : at, 0, {
        versionId: row.versionId,
        lastModified: row.lastModified,
        isNew: true,
      });
      ordered.forEach((o, i) => {
        const seq = seqs[i] as number;
        const latest = i === ordered.length - 1;
        if (o.isNew) {
          this.stmts.insertObject.run(objectColumns(row, seq, latest));
        } else {
          this.stmts.setSeqLatest.run(seq, latest ? 1 : 0, row.bucket, row.key, o.versionId);
        }
      });
      return { replacedBlob: old?.blob ?? null };
    });
  }

  /** Whether a version of this ID was deleted from the bucket (a replica cannot come back: DstObjectHardDeleted). */
  wasDeleted(bucket: string, key: string, versionId: string): boolean {
    // A null version is written again in place, so its deletion is no tombstone.
    return versionId !== 'null' && this.stmts.deletedVersion.get(bucket, key, versionId) !== undefined;
  }

  /** The listing position (seq) of a version, whether it still exists or was deleted. */
  versionSeq(bucket: string, key: string, versionId: string): number | undefined {
    const live = this.getObject(bucket, key, versionId);
    if (live) return live.seq;
    return (this.stmts.deletedVersion.get(bucket, key, versionId) as { seq: number } | undefined)?.seq;
  }

  updateAttrs(bucket: string, key: string, versionId: string, attrs: ObjectAttrs): void {
    this.stmts.updateAttrs.run(JSON.stringify(attrs), bucket, key, versionId);
  }

  /** Read-modify-write of a version's attrs (inside a transaction or batch, so nothing slips between). */
  patchAttrs(
    bucket: string,
    key: string,
    versionId: string,
    patch: (attrs: ObjectAttrs) => ObjectAttrs,
  ): void {
    const row = this.getObject(bucket, key, versionId);
    if (row) this.updateAttrs(bucket, key, versionId, patch(row.attrs));
  }

  updateStorageClass(
    bucket: string,
    key: string,
    versionId: string,
    storageClass: string,
    attrs: ObjectAttrs,
  ): void {
    this.stmts.updateStorageClass.run(storageClass, JSON.stringify(attrs), bucket, key, versionId);
  }

  /** Latest versions (delete markers included) with key >= from (or > from when exclusive), key order. */
  listLatest(bucket: string, from: string, exclusive: boolean, limit: number): ObjectRow[] {
    const stmt = exclusive ? this.stmts.listLatestAfter : this.stmts.listLatest;
    return (stmt.all(bucket, from, limit) as ObjectDbRow[]).map(toObject);
  }

  /**
   * Versions by key then newest first: from key `from` (inclusive), or after a (key, seq) cursor.
   */
  listVersions(bucket: string, from: string | { key: string; seq: number }, limit: number): ObjectRow[] {
    const rows =
      typeof from === 'string'
        ? this.stmts.listVersionsFrom.all(bucket, from, limit)
        : this.stmts.listVersionsAfter.all(bucket, from.key, from.key, from.seq, limit);
    return (rows as ObjectDbRow[]).map(toObject);
  }

  /**
   * Group commit: run `fn` in the next shared transaction, with the writes of every other request
   * of this event-loop turn, and resolve once it is committed (its own savepoint: it rolls back alone).
   */
  batch<T>(fn: () => T): Promise<T> {
    return this.commits.run(fn);
  }
}
