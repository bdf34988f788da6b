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

type ObjectLoc = { bucket: string; key: string; versionId?: string | undefined };

/** Bytes read from the start of a CSV manifest to look at its first rows. */
export const HEAD_BYTES = 256 * 1024;

/** HeadObject of an object location (a version when one is named). */
export function headObject(s3: S3Client, loc: ObjectLoc): Promise<HeadObjectCommandOutput> {
  return s3.send(
    new HeadObjectCommand({
      Bucket: loc.bucket,
      Key: loc.key,
      ...(loc.versionId ? { VersionId: loc.versionId } : {}),
    }),
  );
}

/** The first `bytes` of an object as text, and whether that is all of it. */
async function readObjectStart(
  s3: S3Client,
  loc: ObjectLoc,
  bytes: number,
  ifMatch?: string,
): Promise<{ text: string; complete: boolean }> {
  const out = await s3.send(
    new GetObjectCommand({
      Bucket: loc.bucket,
      Key: loc.key,
      Range: `bytes=0-${bytes - 1}`,
      ...(loc.versionId ? { VersionId: loc.versionId } : {}),
      ...(ifMatch ? { IfMatch: ifMatch } : {}),
    }),
  );
  const text = (await out.Body?.transformToString('utf8')) ?? '';
  const total = Number(out.ContentRange?.split('/')[1] ?? Number.NaN);
  return { text, complete: Number.isNaN(total) ? Buffer.byteLength(text) < bytes : total <= bytes };
}

/** A manifest's HeadObject and the start of its bytes: what pre-flight, the estimate and the CLI command read. */
export interface ManifestStart {
  readonly head: HeadObjectCommandOutput;
  readonly text: string;
  /** Whether `text` is the whole object. */
  readonly complete: boolean;
}

/** Starts kept per client, by location and ETag (the last few manifests one Review looks at). */
const startsByClient = new WeakMap<S3Client, Map<string, Omit<ManifestStart, 'head'>>>();
const STARTS_KEPT = 16;

/**
 * The first HEAD_BYTES of a manifest, read once per ETag: Review's pre-flight, cost estimate and CLI
 * command each ask, and a HeadObject tells whether the bytes read for another are still the object's.
 */
export async function readManifestStart(s3: S3Client, loc: ObjectLoc): Promise<ManifestStart> {
  const head = await headObject(s3, loc);
  const starts = startsByClient.get(s3) ?? new Map<string, Omit<ManifestStart, 'head'>>();
  startsByClient.set(s3, starts);
  const id = JSON.stringify([loc.bucket, loc.key, loc.versionId ?? null, head.ETag ?? null]);
  const kept = starts.get(id);
  if (kept) return { head, ...kept };
  // IfMatch: the bytes are the ones of the ETag the cache files them under.
  const read = await readObjectStart(s3, loc, HEAD_BYTES, head.ETag);
  if (starts.size >= STARTS_KEPT) starts.delete(starts.keys().next().value as string);
  starts.set(id, read);
  return { head, ...read };
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
  const given = manifest.etag !== undefined ? normalizeEtag(manifest.etag) : undefined;
  if (given !== undefined && manifest.format !== 'csv') return { etag: given, fields: undefined };
  try {
    const { head, text, complete } = await readManifestStart(s3, loc);
    const etag = given ?? normalizeEtag(head.ETag) ?? '';
    return { etag, fields: manifest.format === 'csv' ? csvManifestFields(text, complete) : undefined };
  } catch (e) {
    if (given === undefined) throw e;
    // An unreadable manifest fails CreateJob itself, with S3 Control's own message.
    return { etag: given, fields: undefined };
  }
}
