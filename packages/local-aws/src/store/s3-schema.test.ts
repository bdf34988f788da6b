import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '@batchops/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { S3MetaStore } from './s3-meta-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const objectsSql = (file: string) => {
  const db = openSqlite(file);
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'objects'").get() as { sql: string };
  db.close();
  return sql;
};

describe('the S3 metadata schema', () => {
  it('turns a WITHOUT ROWID objects table of an older data directory into a rowid table, rows and indexes kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3-schema-'));
    dirs.push(dir);
    const file = join(dir, 'meta.db');
    const old = openSqlite(file);
    old.exec(`CREATE TABLE objects (bucket TEXT NOT NULL, key TEXT NOT NULL, version_id TEXT NOT NULL,
      seq INTEGER NOT NULL, is_latest INTEGER NOT NULL, is_delete_marker INTEGER NOT NULL, size INTEGER NOT NULL,
      etag TEXT NOT NULL, last_modified INTEGER NOT NULL, storage_class TEXT NOT NULL, blob TEXT,
      attrs TEXT NOT NULL, PRIMARY KEY (bucket, key, version_id)) WITHOUT ROWID;
      CREATE INDEX objects_latest ON objects (bucket, is_latest, key);
      INSERT INTO objects VALUES ('b1', 'k', 'v1', 1, 0, 0, 1, 'e1', 5, 'STANDARD', 'b64:YQ==', '{}'),
                                 ('b1', 'k', 'v2', 2, 1, 0, 1, 'e2', 6, 'STANDARD', 'b64:Yg==', '{}');`);
    old.close();

    const store = new S3MetaStore(file);
    expect(store.getObject('b1', 'k')).toMatchObject({ versionId: 'v2', etag: 'e2', blob: 'b64:Yg==' });
    expect(store.getObject('b1', 'k', 'v1')).toMatchObject({ seq: 1, isLatest: false });
    const indexes = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'objects' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(indexes).toEqual(expect.arrayContaining(['objects_latest', 'objects_versions']));
    store.close();
    expect(objectsSql(file)).not.toMatch(/WITHOUT ROWID/i);

    // Opened again: nothing left to migrate, the rows still there.
    const again = new S3MetaStore(file);
    expect(again.getObject('b1', 'k')?.versionId).toBe('v2');
    again.close();
  });
});
