import type { SqliteDatabase } from '@batchops/engine';
import type { PendingReplication } from './s3-rows.js';

/** Live replication still to do (decision 0017), durable in the S3 metadata database. */
export class ReplicationQueue {
  private readonly stmts;

  constructor(db: SqliteDatabase) {
    this.stmts = {
      enqueue: db.prepare(
        'INSERT INTO replication_queue (bucket, key, version_id, enqueued) VALUES (?, ?, ?, ?)',
      ),
      pending: db.prepare('SELECT * FROM replication_queue WHERE id > ? ORDER BY id LIMIT ?'),
      finish: db.prepare('DELETE FROM replication_queue WHERE id = ?'),
    };
  }

  /** Queue a version for live replication (call inside the transaction that writes it). */
  enqueue(bucket: string, key: string, versionId: string, now: number): void {
    this.stmts.enqueue.run(bucket, key, versionId, now);
  }

  /** Queued replications after `afterId`, oldest first. */
  pending(afterId: number, limit: number): PendingReplication[] {
    return (
      this.stmts.pending.all(afterId, limit) as Array<{
        id: number;
        bucket: string;
        key: string;
        version_id: string;
        enqueued: number;
      }>
    ).map((r) => ({ id: r.id, bucket: r.bucket, key: r.key, versionId: r.version_id, enqueued: r.enqueued }));
  }

  finish(id: number): void {
    this.stmts.finish.run(id);
  }
}
