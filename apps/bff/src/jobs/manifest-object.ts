import {
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { JobManifestFieldName } from '@aws-sdk/client-s3-control';
import type { WizardManifest } from '@batchops/contracts';
import { unquoteEtag } from '../aws/s3-arn.js';
import { parseCsv } from '../csv/parse-csv.js';
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
 * What CreateJob needs besides the wizard model: the manifest's ETag (read with HeadObject when
 * the user gave none) and, for CSV, the columns of its first row.
 */
export async function resolveManifest(
  s3: S3Client,
  manifest: WizardManifest,
): Promise<{ etag: string; fields: JobManifestFieldName[] | undefined }> {
  const loc = { ...manifestLocation(manifest), versionId: manifest.versionId };
  let etag = manifest.etag !== undefined ? unquoteEtag(manifest.etag) : undefined;
  if (etag === undefined) {
    etag = unquoteEtag((await headObject(s3, loc)).ETag) ?? '';
  }
  if (manifest.format !== 'csv') return { etag, fields: undefined };
  try {
    const { text, complete } = await readObjectStart(s3, loc, 8192);
    const first = parseCsv(text, { partial: !complete })[0];
    const fields: JobManifestFieldName[] | undefined =
      first?.length === 3
        ? ['Bucket', 'Key', 'VersionId']
        : first?.length === 2
          ? ['Bucket', 'Key']
          : undefined;
    return { etag, fields };
  } catch {
    // An unreadable manifest fails CreateJob itself, with S3 Control's own message.
    return { etag, fields: undefined };
  }
}
