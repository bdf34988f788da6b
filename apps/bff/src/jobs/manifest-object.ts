import {
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { JobManifestFieldName } from '@aws-sdk/client-s3-control';
import { normalizeEtag, parseCsvManifest } from '@batchops/batch-formats';
import type { WizardManifest } from '@batchops/contracts';
import { manifestLocation } from './wizard-mapping.js';

/** Bytes read from the start of a CSV manifest to look at its first rows. */
export const HEAD_BYTES = 256 * 1024;

/** HeadObject of an object location (a version when one is named). */
export function headObject(
  s3: S3Client,
  loc: { bucket: string; key: string; versionId?: string | undefined },
): Promise<HeadObjectCommandOutput> {
  return s3.send(
    new HeadObjectCommand({
      Bucket: loc.bucket,
      Key: loc.key,
      ...(loc.versionId ? { VersionId: loc.versionId } : {}),
    }),
  );
}

/** The first `bytes` of an object as text, and whether that is all of it. */
export async function readObjectStart(
  s3: S3Client,
  loc: { bucket: string; key: string; versionId?: string | undefined },
  bytes: number,
): Promise<{ text: string; complete: boolean }> {
  const out = await s3.send(
    new GetObjectCommand({
      Bucket: loc.bucket,
      Key: loc.key,
      Range: `bytes=0-${bytes - 1}`,
      ...(loc.versionId ? { VersionId: loc.versionId } : {}),
    }),
  );
  const text = (await out.Body?.transformToString('utf8')) ?? '';
  const total = Number(out.ContentRange?.split('/')[1] ?? Number.NaN);
  return { text, complete: Number.isNaN(total) ? Buffer.byteLength(text) < bytes : total <= bytes };
}

/**
 * The Spec.Fields CreateJob names for a CSV manifest: the columns of its first row as the engine
 * reads it (Bucket, Key and a VersionId or not); undefined when that row cannot be read, so the job
 * fails on it with the engine's own reason. Pre-flight reads the rows with the same fields.
 */
export function csvManifestFields(text: string, complete: boolean): JobManifestFieldName[] | undefined {
  // The engine skips a byte order mark and blank lines; a row is a line.
  const body = text.replace(/^\uFEFF/, '').replace(/^(\r?\n)+/, '');
  const end = body.indexOf('\n');
  if (end === -1 && !complete) return undefined;
  try {
    const [first] = parseCsvManifest(end === -1 ? body : body.slice(0, end + 1));
    if (!first) return undefined;
    return first.versionId === undefined ? ['Bucket', 'Key'] : ['Bucket', 'Key', 'VersionId'];
  } catch {
    return undefined;
  }
}

/**
 * What CreateJob needs besides the wizard model: the manifest's ETag (read with HeadObject when
 * the user gave none) and, for CSV, the columns of its first row.
 */
export async function resolveManifest(
  s3: S3Client,
  manifest: WizardManifest,
): Promise<{ etag: string; fields: JobManifestFieldName[] | undefined }> {
  const loc = { ...manifestLocation(manifest), versionId: manifest.versionId };
  let etag = manifest.etag !== undefined ? normalizeEtag(manifest.etag) : undefined;
  if (etag === undefined) {
    etag = normalizeEtag((await headObject(s3, loc)).ETag) ?? '';
  }
  if (manifest.format !== 'csv') return { etag, fields: undefined };
  try {
    const { text, complete } = await readObjectStart(s3, loc, 8192);
    return { etag, fields: csvManifestFields(text, complete) };
  } catch {
    // An unreadable manifest fails CreateJob itself, with S3 Control's own message.
    return { etag, fields: undefined };
  }
}
