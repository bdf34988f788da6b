import Database from 'better-sqlite3';

// The metadata of buckets and object versions, in SQLite (WAL): one committed row is one object
// that exists; bytes live in blob files written before the row (decision 0004).

export interface BucketRow {
  readonly name: string;
  readonly region: string;
  readonly created: number;
  /** null (never enabled), 'Enabled' or 'Suspended'. */
  readonly versioning: 'Enabled' | 'Suspended' | null;
  readonly objectLock: boolean;
  /** The account that created the bucket (decision 0016). */
  readonly owner: string;
  /** JSON documents of bucket subresources, kept as the API gave them. */
  readonly config: Readonly<Record<string, unknown>>;
}

export interface ObjectRow {
  readonly bucket: string;
  readonly key: string;
  /** 'null' for the null version of unversioned / suspended buckets, as S3 names it. */
  readonly versionId: string;
  /** Monotonic per store: orders versions of one key, newest highest. */
  readonly seq: number;
  readonly isLatest: boolean;
  readonly isDeleteMarker: boolean;
  readonly size: number;
  /** Without quotes. */
  readonly etag: string;
  readonly lastModified: number;
  readonly storageClass: string;
  /** Blob file, relative to the blob root; null for delete markers. */
  readonly blob: string | null;
  /** Everything else of the version (content headers, user metadata, tags, ACL, checksum, lock, restore…). */
  readonly attrs: ObjectAttrs;
}

export interface ObjectAttrs {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  userMetadata?: Record<string, string>;
  tags?: Array<{ Key: string; Value: string }>;
  acl?: unknown;
  /** The account that wrote the version; absent on versions from before owners were kept (the bucket owner's). */
  owner?: string;
  checksum?: { algorithm: string; value: string; type: 'FULL_OBJECT' | 'COMPOSITE' };
  partsCount?: number;
  /** Part sizes of a multipart object, for GetObject ?partNumber. */
  partSizes?: number[];
  /** Part checksums (of `checksum.algorithm`) of a multipart object, for GetObjectAttributes. */
  partChecksums?: string[];
  legalHold?: 'ON' | 'OFF';
  retention?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; until: string };
  restore?: { ongoing: boolean; expiry?: string; readyAt?: number; tier?: string; days?: number };
  replicationStatus?: string;
  websiteRedirect?: string;
  sse?: string;
  /** The KMS key ARN of an SSE-KMS object (local-aws has no KMS: it is only recorded). */
  sseKmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

interface ObjectDbRow {
  bucket: string;
  key: string;
  version_id: string;
  seq: number;
  is_latest: number;
  is_delete_marker: number;
  size: number;
  etag: string;
  last_modified: number;
  storage_class: string;
  blob: string | null;
  attrs: string;
}

interface BucketDbRow {
  name: string;
  region: string;
  created: number;
  versioning: string | null;
  object_lock: number;
  owner: string;
  config: string;
}

const toObject = (r: ObjectDbRow): ObjectRow => ({
  bucket: r.bucket,
  key: r.key,
  versionId: r.version_id,
  seq: r.seq,
  isLatest: r.is_latest === 1,
  isDeleteMarker: r.is_delete_marker === 1,
  size: r.size,
  etag: r.etag,
  lastModified: r.last_modified,
  storageClass: r.storage_class,
  blob: r.blob,
  attrs: JSON.parse(r.attrs) as ObjectAttrs,
});

const toBucket = (r: BucketDbRow): BucketRow => ({
  name: r.name,
  region: r.region,
  created: r.created,
  versioning: r.versioning as BucketRow['versioning'],
  objectLock: r.object_lock === 1,
  owner: r.owner,
  config: JSON.parse(r.config) as Record<string, unknown>,
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS buckets (
  name TEXT PRIMARY KEY,
  region TEXT NOT NULL,
  created INTEGER NOT NULL,
  versioning TEXT,
  object_lock INTEGER NOT NULL DEFAULT 0,
  config TEXT NOT NULL DEFAULT '{}',
  owner TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS objects (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  is_latest INTEGER NOT NULL,
  is_delete_marker INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  storage_class TEXT NOT NULL,
  blob TEXT,
  attrs TEXT NOT NULL,
  PRIMARY KEY (bucket, key, version_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS objects_latest ON objects (bucket, is_latest, key);
CREATE INDEX IF NOT EXISTS objects_versions ON objects (bucket, key, seq);
-- Where deleted versions stood, so a listing resumed at one (version-id-marker) goes on from there.
CREATE TABLE IF NOT EXISTS deleted_versions (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (bucket, key, version_id)
) WITHOUT ROWID;
-- Live replication still to do (decision 0017): one row per new version or delete marker a rule
-- matched, written in the same transaction as the version; removed when its replication ended.
CREATE TABLE IF NOT EXISTS replication_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  enqueued INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS uploads (
  upload_id TEXT PRIMARY KEY,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  initiated INTEGER NOT NULL,
  attrs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS uploads_by_key ON uploads (bucket, key, initiated);
-- What a completed upload answered, so a retried CompleteMultipartUpload gets the same answer.
CREATE TABLE IF NOT EXISTS completed_uploads (
  upload_id TEXT PRIMARY KEY,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS completed_uploads_by_bucket ON completed_uploads (bucket);
CREATE TABLE IF NOT EXISTS parts (
  upload_id TEXT NOT NULL,
  part_number INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  blob TEXT NOT NULL,
  checksum TEXT,
  PRIMARY KEY (upload_id, part_number)
) WITHOUT ROWID;
`;

/** A live replication waiting in the durable queue. */
export interface PendingReplication {
  readonly id: number;
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string;
  readonly enqueued: number;
}

export interface UploadRow {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly initiated: number;
  readonly attrs: ObjectAttrs & { storageClass?: string; checksumAlgorithm?: string };
}

export interface PartRow {
  readonly uploadId: string;
  readonly partNumber: number;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: number;
  readonly blob: string;
  readonly checksum: string | null;
}

export class S3MetaStore {
  readonly db: Database.Database;
  private seq: number;
  private readonly stmts;
  private readonly tx: (fn: () => unknown) => unknown;
  private queue: Array<{ fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }> =
    [];
  /** Every request reads its bucket; rows are cached and dropped on each bucket write. */
  private readonly bucketCache = new Map<string, BucketRow | null>();

  /** `defaultOwner` owns the buckets of a data directory from before buckets had owners. */
  constructor(
    file: string,
    private readonly defaultOwner = '000000000000',
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.tx = this.db.transaction((fn: () => unknown) => fn());
    // NORMAL in WAL mode survives a process crash (kill -9); only power loss may drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // A 32 MB page cache for hot rows (the default is 2 MB); memory stays bounded by it.
    this.db.pragma('cache_size = -32768');
    this.db.exec(SCHEMA);
    const columns = this.db.pragma('table_info(buckets)') as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'owner')) {
      // One transaction: a crash leaves the old schema, which this migrates again at the next start.
      this.db.transaction(() => {
        this.db.exec("ALTER TABLE buckets ADD COLUMN owner TEXT NOT NULL DEFAULT ''");
        this.db.prepare("UPDATE buckets SET owner = ? WHERE owner = ''").run(defaultOwner);
      })();
    }
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
      bucketPartBlobs: db.prepare(
        'SELECT blob FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)',
      ),
      deleteBucketParts: db.prepare(
        'DELETE FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)',
      ),
      deleteBucketUploads: db.prepare('DELETE FROM uploads WHERE bucket = ?'),
      insertCompleted: db.prepare(
        'INSERT OR REPLACE INTO completed_uploads (upload_id, bucket, key, result) VALUES (?, ?, ?, ?)',
      ),
      getCompleted: db.prepare('SELECT * FROM completed_uploads WHERE upload_id = ?'),
      deleteBucketCompleted: db.prepare('DELETE FROM completed_uploads WHERE bucket = ?'),
      getLatest: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND is_latest = 1'),
      getVersion: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND version_id = ?'),
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
      enqueueReplication: db.prepare(
        'INSERT INTO replication_queue (bucket, key, version_id, enqueued) VALUES (?, ?, ?, ?)',
      ),
      pendingReplications: db.prepare('SELECT * FROM replication_queue WHERE id > ? ORDER BY id LIMIT ?'),
      finishReplication: db.prepare('DELETE FROM replication_queue WHERE id = ?'),
      insertUpload: db.prepare(
        'INSERT INTO uploads (upload_id, bucket, key, initiated, attrs) VALUES (?, ?, ?, ?, ?)',
      ),
      getUpload: db.prepare('SELECT * FROM uploads WHERE upload_id = ?'),
      deleteUpload: db.prepare('DELETE FROM uploads WHERE upload_id = ?'),
      listUploads: db.prepare(
        'SELECT * FROM uploads WHERE bucket = ? AND key >= ? ORDER BY key, initiated, upload_id LIMIT ?',
      ),
      upsertPart: db.prepare(
        `INSERT INTO parts (upload_id, part_number, size, etag, last_modified, blob, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (upload_id, part_number) DO UPDATE SET size = excluded.size, etag = excluded.etag,
           last_modified = excluded.last_modified, blob = excluded.blob, checksum = excluded.checksum`,
      ),
      getPart: db.prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number = ?'),
      listParts: db.prepare(
        'SELECT * FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?',
      ),
      allParts: db.prepare('SELECT * FROM parts WHERE upload_id = ? ORDER BY part_number'),
      deleteParts: db.prepare('DELETE FROM parts WHERE upload_id = ?'),
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
      const parts = (this.stmts.bucketPartBlobs.all(name) as Array<{ blob: string }>).map((p) => p.blob);
      this.stmts.deleteBucketParts.run(name);
      this.stmts.deleteBucketUploads.run(name);
      this.stmts.deleteBucketCompleted.run(name);
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
      const old = this.stmts.getVersion.get(row.bucket, row.key, row.versionId) as ObjectDbRow | undefined;
      if (old) this.stmts.deleteVersion.run(row.bucket, row.key, row.versionId);
      this.stmts.clearLatest.run(row.bucket, row.key);
      const seq = ++this.seq;
      this.stmts.insertObject.run({
        bucket: row.bucket,
        key: row.key,
        version_id: row.versionId,
        seq,
        is_latest: 1,
        is_delete_marker: row.isDeleteMarker ? 1 : 0,
        size: row.size,
        etag: row.etag,
        last_modified: row.lastModified,
        storage_class: row.storageClass,
        blob: row.blob,
        attrs: JSON.stringify(row.attrs),
      });
      return { replacedBlob: old?.blob ?? null, seq };
    });
  }

  /** Remove one version; if it was the latest, the next newest becomes latest. */
  deleteVersion(bucket: string, key: string, versionId: string): ObjectRow | undefined {
    return this.transaction(() => {
      const old = this.stmts.getVersion.get(bucket, key, versionId) as ObjectDbRow | undefined;
      if (!old) return undefined;
      this.stmts.deleteVersion.run(bucket, key, versionId);
      // The null version is replaced in place, so only real version ids are remembered.
      if (versionId !== 'null') this.stmts.recordDeletedVersion.run(bucket, key, versionId, old.seq);
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
        const latest = i === ordered.length - 1 ? 1 : 0;
        if (o.isNew) {
          this.stmts.insertObject.run({
            bucket: row.bucket,
            key: row.key,
            version_id: row.versionId,
            seq,
            is_latest: latest,
            is_delete_marker: row.isDeleteMarker ? 1 : 0,
            size: row.size,
            etag: row.etag,
            last_modified: row.lastModified,
            storage_class: row.storageClass,
            blob: row.blob,
            attrs: JSON.stringify(row.attrs),
          });
        } else {
          this.stmts.setSeqLatest.run(seq, latest, row.bucket, row.key, o.versionId);
        }
      });
      return { replacedBlob: old?.blob ?? null };
    });
  }

  /** Whether a version of this ID was deleted from the bucket (a replica cannot come back: DstObjectHardDeleted). */
  wasDeleted(bucket: string, key: string, versionId: string): boolean {
    return this.stmts.deletedVersion.get(bucket, key, versionId) !== undefined;
  }

  // Live replication queue ----------------------------------------------------------------------
  /** Queue a version for live replication (call inside the transaction that writes it). */
  enqueueReplication(bucket: string, key: string, versionId: string, now: number): void {
    this.stmts.enqueueReplication.run(bucket, key, versionId, now);
  }

  /** Queued replications after `afterId`, oldest first. */
  pendingReplications(afterId: number, limit: number): PendingReplication[] {
    return (
      this.stmts.pendingReplications.all(afterId, limit) as Array<{
        id: number;
        bucket: string;
        key: string;
        version_id: string;
        enqueued: number;
      }>
    ).map((r) => ({ id: r.id, bucket: r.bucket, key: r.key, versionId: r.version_id, enqueued: r.enqueued }));
  }

  finishReplication(id: number): void {
    this.stmts.finishReplication.run(id);
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

  // Multipart uploads --------------------------------------------------------------------------
  createUpload(u: UploadRow): void {
    this.stmts.insertUpload.run(u.uploadId, u.bucket, u.key, u.initiated, JSON.stringify(u.attrs));
  }

  getUpload(uploadId: string): UploadRow | undefined {
    const r = this.stmts.getUpload.get(uploadId) as
      | { upload_id: string; bucket: string; key: string; initiated: number; attrs: string }
      | undefined;
    return (
      r && {
        uploadId: r.upload_id,
        bucket: r.bucket,
        key: r.key,
        initiated: r.initiated,
        attrs: JSON.parse(r.attrs),
      }
    );
  }

  listUploads(bucket: string, fromKey: string, limit: number): UploadRow[] {
    return (
      this.stmts.listUploads.all(bucket, fromKey, limit) as Array<{
        upload_id: string;
        bucket: string;
        key: string;
        initiated: number;
        attrs: string;
      }>
    ).map((r) => ({
      uploadId: r.upload_id,
      bucket: r.bucket,
      key: r.key,
      initiated: r.initiated,
      attrs: JSON.parse(r.attrs),
    }));
  }

  /** Store a part; returns the blob of the part it replaced, if any. */
  putPart(p: PartRow): string | null {
    return this.transaction(() => {
      const old = this.getPart(p.uploadId, p.partNumber);
      this.stmts.upsertPart.run(p.uploadId, p.partNumber, p.size, p.etag, p.lastModified, p.blob, p.checksum);
      return old?.blob ?? null;
    });
  }

  getPart(uploadId: string, partNumber: number): PartRow | undefined {
    const r = this.stmts.getPart.get(uploadId, partNumber) as PartDbRow | undefined;
    return r && toPart(r);
  }

  listParts(uploadId: string, afterPart: number, limit: number): PartRow[] {
    return (this.stmts.listParts.all(uploadId, afterPart, limit) as PartDbRow[]).map(toPart);
  }

  allParts(uploadId: string): PartRow[] {
    return (this.stmts.allParts.all(uploadId) as PartDbRow[]).map(toPart);
  }

  /** Drop an upload and its parts; returns the part blobs to delete. */
  deleteUpload(uploadId: string): string[] {
    return this.transaction(() => {
      const blobs = this.allParts(uploadId).map((p) => p.blob);
      this.stmts.deleteParts.run(uploadId);
      this.stmts.deleteUpload.run(uploadId);
      return blobs;
    });
  }

  /** Drop a completed upload and its parts, keeping what Complete answered; returns the part blobs. */
  completeUpload(upload: UploadRow, result: unknown): string[] {
    return this.transaction(() => {
      const blobs = this.deleteUpload(upload.uploadId);
      this.stmts.insertCompleted.run(upload.uploadId, upload.bucket, upload.key, JSON.stringify(result));
      return blobs;
    });
  }

  /** What CompleteMultipartUpload answered for an upload it completed. */
  getCompletedUpload(uploadId: string): { bucket: string; key: string; result: unknown } | undefined {
    const r = this.stmts.getCompleted.get(uploadId) as
      | { bucket: string; key: string; result: string }
      | undefined;
    return r && { bucket: r.bucket, key: r.key, result: JSON.parse(r.result) };
  }

  /**
   * Group commit: run `fn` in the next shared transaction, with the writes of every other request
   * of this event-loop turn, and resolve once it is committed. Each call runs in its own savepoint,
   * so one that throws rolls back alone. One WAL commit for many writes instead of one each.
   */
  batch<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (this.queue.length === 1) setImmediate(() => this.flushQueue());
    });
  }

  private flushQueue(): void {
    const items = this.queue;
    this.queue = [];
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.tx(() => {
        for (const item of items) {
          try {
            results.push({ ok: true, value: this.tx(item.fn) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    items.forEach((item, i) => {
      const r = results[i];
      if (r?.ok) item.resolve(r.value);
      else item.reject(r?.error);
    });
  }

  /** Run store calls atomically (one compiled transaction wrapper: compiling one per call is slow). */
  transaction<T>(fn: () => T): T {
    return this.tx(fn) as T;
  }
}

interface PartDbRow {
  upload_id: string;
  part_number: number;
  size: number;
  etag: string;
  last_modified: number;
  blob: string;
  checksum: string | null;
}

const toPart = (r: PartDbRow): PartRow => ({
  uploadId: r.upload_id,
  partNumber: r.part_number,
  size: r.size,
  etag: r.etag,
  lastModified: r.last_modified,
  blob: r.blob,
  checksum: r.checksum,
});
