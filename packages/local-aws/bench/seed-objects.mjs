// Fill a bucket fast for a bench: N object rows written straight into the metadata store by one SQL
// statement, while local-aws is closed (a million PUTs over HTTP would measure PUT, not the bench's subject).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3MetaStore } from '../dist/store/s3-meta-store.js';

const EMPTY_OBJECT = `SELECT 0 AS size, 'd41d8cd98f00b204e9800998ecf8427e' AS etag, @now AS last_modified,
  'STANDARD' AS storage_class, NULL AS blob, '{}' AS attrs`;

/**
 * Add `count` latest versions to an unversioned `bucket` (created when missing), keys `keySql` of
 * `i` in [0, count) (an SQL expression: `printf('k%08d', i)`). Each is a copy of the object
 * `template` (a small, inline one: copies share its blob) or else empty. Seconds taken.
 */
export function seedObjectRows(dataDir, { bucket, count, keySql, template }) {
  const meta = new S3MetaStore(join(dataDir, 's3.sqlite'));
  const t0 = performance.now();
  try {
    if (!meta.getBucket(bucket))
      meta.createBucket({ name: bucket, region: 'us-east-1', objectLock: false, created: Date.now() });
    const source = template
      ? 'SELECT size, etag, last_modified, storage_class, blob, attrs FROM objects WHERE bucket = @bucket AND key = @template AND is_latest = 1'
      : EMPTY_OBJECT;
    const insert = meta.db.prepare(
      `INSERT INTO objects (bucket, key, version_id, seq, is_latest, is_delete_marker, size, etag, last_modified, storage_class, blob, attrs)
       WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1)
       SELECT @bucket, ${keySql}, 'null', @base + i + 1, 1, 0, t.size, t.etag, t.last_modified, t.storage_class, t.blob, t.attrs
       FROM n, (${source}) AS t`,
    );
    const base = meta.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM objects').get().s;
    const params = { bucket, count, base, ...(template ? { template } : { now: Date.now() }) };
    const { changes } = meta.transaction(() => insert.run(params));
    if (changes !== count)
      throw new Error(`seeded ${changes} of ${count} objects (no template ${template}?)`);
  } finally {
    meta.close();
  }
  return (performance.now() - t0) / 1000;
}

/**
 * seedObjectRows in a child process: SQLite's memory for a million-row insert stays out of the
 * calling bench's RSS figures. Seconds taken.
 */
export function seedObjectRowsApart(dataDir, options) {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), dataDir, JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`seeding ${options.count} objects failed (exit ${child.status})`);
  return Number(child.stdout);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(String(seedObjectRows(process.argv[2], JSON.parse(process.argv[3]))));
}
