import { openSqlite, pragmaRows, type SqliteDatabase, transactionOf } from '@batchops/engine';

// The tables of the S3 metadata store (decision 0004). `objects` is a rowid table: its rows carry
// inline bodies up to 16 KiB, and a WITHOUT ROWID b-tree keeps whole rows in its interior pages
// (3–4× the CPU per lookup at 1 KiB bodies).
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
);
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

/** A data directory from before objects was a rowid table: its rows copied into one, in one transaction. */
function migrateObjectsToRowid(db: SqliteDatabase): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'objects'").get() as
    | { sql: string }
    | undefined;
  if (table === undefined || !/WITHOUT ROWID/i.test(table.sql)) return;
  // A crash leaves the old table, which this migrates again at the next start.
  transactionOf(db)(() => {
    db.exec('ALTER TABLE objects RENAME TO objects_without_rowid');
    db.exec('DROP INDEX IF EXISTS objects_latest; DROP INDEX IF EXISTS objects_versions;');
    db.exec(SCHEMA);
    db.exec('INSERT INTO objects SELECT * FROM objects_without_rowid; DROP TABLE objects_without_rowid;');
  });
}

/**
 * Open (and create or migrate) the S3 metadata database. `defaultOwner` owns the buckets of a data
 * directory from before buckets had owners.
 */
export function openS3Database(file: string, defaultOwner: string): SqliteDatabase {
  const db = openSqlite(file);
  // A 16 MiB page cache for hot rows (the default is 2 MB); memory stays bounded by it. It fills on a
  // large store, so it is part of local-aws's RSS there (engine/bench/README.md, scale-bench.mjs).
  db.exec('PRAGMA cache_size = -16384');
  // One process owns a data directory: its locks are taken once, not per statement (half the CPU
  // of a row read); another process opening the file meanwhile gets SQLITE_BUSY.
  db.exec('PRAGMA locking_mode = EXCLUSIVE');
  db.exec(SCHEMA);
  migrateObjectsToRowid(db);
  const columns = pragmaRows<{ name: string }>(db, 'table_info(buckets)');
  if (!columns.some((c) => c.name === 'owner')) {
    // One transaction: a crash leaves the old schema, which this migrates again at the next start.
    transactionOf(db)(() => {
      db.exec("ALTER TABLE buckets ADD COLUMN owner TEXT NOT NULL DEFAULT ''");
      db.prepare("UPDATE buckets SET owner = ? WHERE owner = ''").run(defaultOwner);
    });
  }
  return db;
}
