// The S3 Inventory report's manifest.json (a Batch Operations manifest of format
// S3InventoryReport_CSV_20161130): read by the engine and pre-flight, written by local-aws's inventory.
import { bucketArn } from './arn.js';
import { ManifestError } from './manifest-error.js';

/** One data file of the report: a gzipped CSV, with the MD5 of its bytes. */
export interface InventoryFile {
  key: string;
  size?: number;
  MD5checksum: string;
}

/** The members of manifest.json a reader needs; `fileSchema` split into its column names. */
export interface InventoryManifest {
  sourceBucket: string;
  fileSchema: string[];
  files: InventoryFile[];
}

/** What a writer puts in manifest.json besides the members a reader needs. */
export interface InventoryManifestDocument extends InventoryManifest {
  /** The bucket the report was delivered to (written as its ARN). */
  destinationBucket: string;
  creationTime: Date;
}

const bad = (what: string): never => {
  throw new ManifestError('ManifestParseError', `manifest.json: ${what}`);
};

function parseJsonObject(json: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new ManifestError(
      'ManifestParseError',
      `manifest.json is not valid JSON: ${(err as Error).message}`,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return bad('expected a JSON object');
  return doc as Record<string, unknown>;
}

function parseFile(f: unknown, i: number): InventoryFile {
  const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
  if (typeof file.key !== 'string' || file.key === '') bad(`files[${i}].key must be an object key`);
  if (typeof file.MD5checksum !== 'string' || !/^[0-9a-f]{32}$/i.test(file.MD5checksum)) {
    bad(`files[${i}].MD5checksum must be an MD5 in hex`);
  }
  return {
    key: file.key as string,
    MD5checksum: (file.MD5checksum as string).toLowerCase(),
    ...(typeof file.size === 'number' ? { size: file.size } : {}),
  };
}

/**
 * Parses manifest.json; a document Batch Operations cannot read throws the job's failure:
 * `InventoryFormatUnsupported` for a non-CSV inventory, `ManifestParseError` otherwise.
 */
export function parseInventoryManifest(json: string): InventoryManifest {
  const m = parseJsonObject(json);
  if (m.fileFormat !== 'CSV') {
    throw new ManifestError(
      'InventoryFormatUnsupported',
      `manifest.json: fileFormat ${JSON.stringify(m.fileFormat)} is not supported; Batch Operations reads CSV inventories only`,
    );
  }
  if (typeof m.sourceBucket !== 'string' || m.sourceBucket === '') bad('sourceBucket must be a bucket name');
  if (typeof m.fileSchema !== 'string') bad('fileSchema must be a string of column names');
  if (!Array.isArray(m.files)) bad('files must be an array');
  const files = (m.files as unknown[]).map(parseFile);
  const fileSchema = (m.fileSchema as string).split(',').map((name) => name.trim());
  return { sourceBucket: m.sourceBucket as string, fileSchema, files };
}

/** manifest.json as S3 Inventory writes it (version 2016-11-30, `fileSchema` joined by ", "). */
export function formatInventoryManifest(doc: InventoryManifestDocument): string {
  return JSON.stringify(
    {
      sourceBucket: doc.sourceBucket,
      destinationBucket: bucketArn(doc.destinationBucket),
      version: '2016-11-30',
      creationTimestamp: String(doc.creationTime.getTime()),
      fileFormat: 'CSV',
      fileSchema: doc.fileSchema.join(', '),
      files: doc.files,
    },
    null,
    2,
  );
}
