import type { SqliteDatabase, Transaction } from '@batchops/engine';
import {
  type PartDbRow,
  type PartRow,
  toPart,
  toUpload,
  type UploadDbRow,
  type UploadRow,
} from './s3-rows.js';

/** Multipart uploads, their parts, and what completed uploads answered (a retried Complete gets it again). */
export class UploadTable {
  private readonly stmts;

  constructor(
    db: SqliteDatabase,
    private readonly transaction: Transaction,
  ) {
    this.stmts = {
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
      insertCompleted: db.prepare(
        'INSERT OR REPLACE INTO completed_uploads (upload_id, bucket, key, result) VALUES (?, ?, ?, ?)',
      ),
      getCompleted: db.prepare('SELECT * FROM completed_uploads WHERE upload_id = ?'),
      bucketPartBlobs: db.prepare(
        'SELECT blob FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)',
      ),
      deleteBucketParts: db.prepare(
        'DELETE FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)',
      ),
      deleteBucketUploads: db.prepare('DELETE FROM uploads WHERE bucket = ?'),
      deleteBucketCompleted: db.prepare('DELETE FROM completed_uploads WHERE bucket = ?'),
    };
  }

  create(u: UploadRow): void {
    this.stmts.insertUpload.run(u.uploadId, u.bucket, u.key, u.initiated, JSON.stringify(u.attrs));
  }

  get(uploadId: string): UploadRow | undefined {
    const r = this.stmts.getUpload.get(uploadId) as UploadDbRow | undefined;
    return r && toUpload(r);
  }

  list(bucket: string, fromKey: string, limit: number): UploadRow[] {
    return (this.stmts.listUploads.all(bucket, fromKey, limit) as UploadDbRow[]).map(toUpload);
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

  /** Drop an upload and its parts; returns the part blobs to delete. */
  delete(uploadId: string): string[] {
    return this.transaction(() => {
      const blobs = (this.stmts.allParts.all(uploadId) as PartDbRow[]).map((p) => p.blob);
      this.stmts.deleteParts.run(uploadId);
      this.stmts.deleteUpload.run(uploadId);
      return blobs;
    });
  }

  /** Drop a completed upload and its parts, keeping what Complete answered; returns the part blobs. */
  complete(upload: UploadRow, result: unknown): string[] {
    return this.transaction(() => {
      const blobs = this.delete(upload.uploadId);
      this.stmts.insertCompleted.run(upload.uploadId, upload.bucket, upload.key, JSON.stringify(result));
      return blobs;
    });
  }

  /** What CompleteMultipartUpload answered for an upload it completed. */
  getCompleted(uploadId: string): { bucket: string; key: string; result: unknown } | undefined {
    const r = this.stmts.getCompleted.get(uploadId) as
      | { bucket: string; key: string; result: string }
      | undefined;
    return r && { bucket: r.bucket, key: r.key, result: JSON.parse(r.result) };
  }

  /** Forget every upload of a bucket (call inside the transaction that deletes it); returns the part blobs. */
  dropBucket(bucket: string): string[] {
    const blobs = (this.stmts.bucketPartBlobs.all(bucket) as Array<{ blob: string }>).map((p) => p.blob);
    this.stmts.deleteBucketParts.run(bucket);
    this.stmts.deleteBucketUploads.run(bucket);
    this.stmts.deleteBucketCompleted.run(bucket);
    return blobs;
  }
}
