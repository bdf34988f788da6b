import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { bucketOfArn, formatInventoryManifest, type InventoryFile } from '@batchops/batch-formats';
import { ServiceError } from '../errors/service-error.js';
import type { BucketRow, ObjectAttrs, ObjectRow } from '../store/s3-rows.js';
import { objectOwner } from './authorization.js';
import { INVENTORY_FIELDS, type InventoryConfig, type InventoryField } from './inventory-config.js';
import { commitVersion } from './object-commit.js';
import { ownerOf, type S3Context } from './s3-context.js';

// An S3 Inventory report written at once (S3 delivers the first within 48 hours, then daily or
// weekly): CSV data files, gzipped, then manifest.json and manifest.checksum, at the documented
// keys (decision 0020):
//   <prefix>/<source-bucket>/<config-id>/data/<uuid>.csv.gz
//   <prefix>/<source-bucket>/<config-id>/YYYY-MM-DDTHH-MMZ/manifest.json (+ manifest.checksum)
//   <prefix>/<source-bucket>/<config-id>/hive/dt=YYYY-MM-DD-HH-MM/symlink.txt

/** Rows per data file; S3 splits big inventories over several files the same way. */
export const ROWS_PER_FILE = 100_000;
const PAGE = 1000;

export interface InventoryReport {
  readonly destinationBucket: string;
  readonly manifestKey: string;
  readonly dataKeys: readonly string[];
  readonly objects: number;
}

const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/');
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

function encryptionStatus(a: ObjectAttrs): string {
  if (a.sse === 'aws:kms') return 'SSE-KMS';
  if (a.sse === 'aws:kms:dsse') return 'DSSE-KMS';
  return 'SSE-S3';
}

function column(field: InventoryField, bucket: BucketRow, row: ObjectRow): string {
  const a = row.attrs;
  if (row.isDeleteMarker && field !== 'LastModifiedDate' && field !== 'ObjectOwner') return '';
  switch (field) {
    case 'Size':
      return String(row.size);
    case 'LastModifiedDate':
      return new Date(row.lastModified).toISOString();
    case 'ETag':
      return row.etag;
    case 'StorageClass':
      return row.storageClass;
    case 'IsMultipartUploaded':
      return a.partsCount ? 'true' : 'false';
    case 'ReplicationStatus':
      return a.replicationStatus ?? '';
    case 'EncryptionStatus':
      return encryptionStatus(a);
    case 'ObjectLockRetainUntilDate':
      return a.retention?.until ?? '';
    case 'ObjectLockMode':
      return a.retention?.mode ?? '';
    case 'ObjectLockLegalHoldStatus':
      return a.legalHold ?? (bucket.objectLock ? 'OFF' : '');
    case 'IntelligentTieringAccessTier':
      return row.storageClass === 'INTELLIGENT_TIERING' ? 'FREQUENT' : '';
    case 'BucketKeyStatus':
      return a.sse === 'aws:kms' ? (a.bucketKeyEnabled ? 'ENABLED' : 'DISABLED') : '';
    case 'ChecksumAlgorithm':
      return a.checksum?.algorithm ?? '';
    case 'ObjectOwner':
      return ownerOf(objectOwner(bucket, row)).id;
    // Not kept by local-aws (ACL documents in the inventory's JSON form, lifecycle rules): empty.
    case 'ObjectAccessControlList':
    case 'LifecycleExpirationDate':
      return '';
  }
}

/** The versions the inventory lists, in key order: latest objects, or every version and delete marker. */
function* inventoryRows(ctx: S3Context, bucket: BucketRow, config: InventoryConfig): Generator<ObjectRow> {
  const prefix = config.filterPrefix ?? '';
  const inScope = (row: ObjectRow) => row.key.startsWith(prefix);
  if (config.includedVersions === 'Current') {
    let from = prefix;
    let exclusive = false;
    for (;;) {
      const page = ctx.svc.meta.listLatest(bucket.name, from, exclusive, PAGE);
      for (const row of page) {
        if (!inScope(row)) return;
        if (!row.isDeleteMarker) yield row;
      }
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return;
      from = last.key;
      exclusive = true;
    }
  }
  let cursor: string | { key: string; seq: number } = prefix;
  for (;;) {
    const page = ctx.svc.meta.listVersions(bucket.name, cursor, PAGE);
    for (const row of page) {
      if (!inScope(row)) return;
      yield row;
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return;
    cursor = { key: last.key, seq: last.seq };
  }
}

/** `2026-12-02T15-48Z` and `2026-12-02-15-48` for the manifest folder and the hive partition. */
function stamps(now: Date): { folder: string; hive: string } {
  const iso = now.toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16).replace(':', '-')];
  return { folder: `${date}T${time}Z`, hive: `${date}-${time}` };
}

/** The bucket a report goes to: it must exist and belong to the source bucket's owner. */
function destinationOf(ctx: S3Context, source: BucketRow, config: InventoryConfig): BucketRow {
  const name = bucketOfArn(config.destinationBucket);
  const dest = ctx.svc.meta.getBucket(name);
  if (!dest) {
    throw new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
  }
  // On S3 a bucket policy lets S3 write to another account's bucket; local-aws keeps to one account.
  const account = config.destinationAccountId ?? source.owner;
  if (dest.owner !== source.owner || dest.owner !== account) {
    throw new ServiceError(403, 'AccessDenied', 'Access Denied');
  }
  return dest;
}

/** Write one inventory report of `source` per `config`; returns where its manifest is. */
export async function writeInventoryReport(
  ctx: S3Context,
  source: BucketRow,
  config: InventoryConfig,
): Promise<InventoryReport> {
  if (config.format !== 'CSV') {
    throw new ServiceError(501, 'NotImplemented', 'local-aws writes CSV inventory reports only.');
  }
  const dest = destinationOf(ctx, source, config);
  const now = ctx.svc.now();
  const base = `${config.prefix ? `${config.prefix.replace(/\/+$/, '')}/` : ''}${source.name}/${config.id}/`;
  const fields = INVENTORY_FIELDS.filter((f) => config.fields.includes(f));
  const schema = [
    'Bucket',
    'Key',
    ...(config.includedVersions === 'All' ? ['VersionId', 'IsLatest', 'IsDeleteMarker'] : []),
    ...fields,
  ];
  const sse: ObjectAttrs =
    config.encryption?.type === 'SSE-KMS'
      ? { sse: 'aws:kms', sseKmsKeyId: config.encryption.keyId }
      : { sse: 'AES256' };
  const put = async (key: string, body: Buffer, contentType: string) => {
    const { blob, size } = await ctx.svc.blobs.write(
      (async function* () {
        yield body;
      })(),
    );
    const etag = createHash('md5').update(body).digest('hex');
    await commitVersion(ctx, dest, key, {
      size,
      etag,
      storageClass: 'STANDARD',
      blob,
      attrs: { contentType, ...sse },
      writer: dest.owner,
    });
  };

  const files: InventoryFile[] = [];
  let lines: string[] = [];
  let objects = 0;
  const flush = async () => {
    const gz = gzipSync(lines.join(''));
    const key = `${base}data/${randomUUID()}.csv.gz`;
    await put(key, gz, 'application/x-gzip');
    files.push({ key, size: gz.length, MD5checksum: createHash('md5').update(gz).digest('hex') });
    lines = [];
  };
  for (const row of inventoryRows(ctx, source, config)) {
    const values = [source.name, encodeKey(row.key)];
    if (config.includedVersions === 'All') {
      values.push(row.versionId, String(row.isLatest), String(row.isDeleteMarker));
    }
    for (const f of fields) values.push(column(f, source, row));
    lines.push(`${values.map(quote).join(',')}\n`);
    objects++;
    if (lines.length >= ROWS_PER_FILE) await flush();
  }
  // An empty inventory still has one (empty) data file, so the report is complete and readable.
  if (lines.length > 0 || files.length === 0) await flush();

  const { folder, hive } = stamps(now);
  const manifest = Buffer.from(
    formatInventoryManifest({
      sourceBucket: source.name,
      destinationBucket: dest.name,
      creationTime: now,
      fileSchema: schema,
      files,
    }),
  );
  const manifestKey = `${base}${folder}/manifest.json`;
  await put(
    `${base}hive/dt=${hive}/symlink.txt`,
    Buffer.from(files.map((f) => `s3://${dest.name}/${f.key}\n`).join('')),
    'text/plain',
  );
  await put(manifestKey, manifest, 'application/json');
  await put(
    `${base}${folder}/manifest.checksum`,
    Buffer.from(createHash('md5').update(manifest).digest('hex')),
    'text/plain',
  );
  return { destinationBucket: dest.name, manifestKey, dataKeys: files.map((f) => f.key), objects };
}
