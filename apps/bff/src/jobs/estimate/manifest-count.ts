import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { GetObjectCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { parseInventoryManifest } from '@batchops/batch-formats';
import type { CostEstimateResponse, WizardManifest } from '@batchops/contracts';
import { HEAD_BYTES, readManifestStart } from '../manifest-object.js';
import { manifestLocation } from '../wizard-mapping.js';

// How many objects a job will process, read before it exists: all of a small CSV manifest, the start
// of a large one (extrapolated by size), an inventory's first data file, or the generator's listing.

export type ObjectCount = CostEstimateResponse['objects'] & {
  /** Objects the manifest generator lists in the source bucket (charged per million). */
  readonly listed?: number;
};

/** Versions listed at the most for a generated manifest (1,000 a page). */
const MAX_LISTED = 100_000;
/** Lines counted at the most in an inventory's first data file. */
const MAX_INVENTORY_LINES = 1_000_000;

const rowsIn = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;
const plural = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

async function countCsv(s3: S3Client, loc: { bucket: string; key: string; versionId?: string }) {
  const { text, complete, head } = await readManifestStart(s3, loc);
  if (complete) {
    const count = rowsIn(text);
    return { count, basis: 'counted', note: `all ${plural(count, 'row')} of the manifest` } as const;
  }
  // The last line read is cut short: rows per byte of the whole lines, times the object's size.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const rows = rowsIn(whole);
  const count = Math.round(((head.ContentLength ?? 0) * rows) / Math.max(1, Buffer.byteLength(whole)));
  const note = `about ${count.toLocaleString('en-US')}, from ${plural(rows, 'row')} in the first ${HEAD_BYTES / 1024} KiB of ${(head.ContentLength ?? 0).toLocaleString('en-US')} bytes`;
  return { count, basis: 'extrapolated', note } as const;
}

async function linesOf(body: Readable, gzip: boolean): Promise<{ lines: number; whole: boolean }> {
  const rl = createInterface({ input: gzip ? body.pipe(createGunzip()) : body, crlfDelay: Infinity });
  let lines = 0;
  for await (const line of rl) {
    if (line.trim() !== '') lines++;
    if (lines >= MAX_INVENTORY_LINES) break;
  }
  rl.close();
  body.destroy();
  return { lines, whole: lines < MAX_INVENTORY_LINES };
}

async function countInventory(s3: S3Client, loc: { bucket: string; key: string; versionId?: string }) {
  const { text } = await readManifestStart(s3, loc);
  const { files } = parseInventoryManifest(text);
  const first = files[0];
  if (!first) return { count: 0, basis: 'counted', note: 'manifest.json names no data files' } as const;
  const out = await s3.send(new GetObjectCommand({ Bucket: loc.bucket, Key: first.key }));
  const { lines, whole } = await linesOf(out.Body as Readable, first.key.endsWith('.gz'));
  if (files.length === 1 && whole)
    return { count: lines, basis: 'counted', note: `all ${plural(lines, 'row')} of its data file` } as const;
  // Other files are assumed as dense as the first: by their sizes when manifest.json gives them.
  const sizes = files.map((f) => f.size);
  const scale =
    first.size && sizes.every((s) => s !== undefined)
      ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) / first.size
      : files.length;
  const count = Math.round(lines * scale);
  const note = `about ${count.toLocaleString('en-US')}, from ${plural(lines, 'row')} in the first of ${plural(files.length, 'data file')}`;
  return { count, basis: 'extrapolated', note } as const;
}

/** The versions in the source bucket the generator lists (its filters narrow the job's objects further). */
async function countGenerated(s3: S3Client, bucket: string): Promise<ObjectCount> {
  let listed = 0;
  let more = true;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  while (more && listed < MAX_LISTED) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker, VersionIdMarker }));
    listed += page.Versions?.length ?? 0;
    more = page.IsTruncated === true;
    KeyMarker = page.NextKeyMarker;
    VersionIdMarker = page.NextVersionIdMarker;
  }
  const atLeast = more ? 'at least ' : '';
  const note = `${atLeast}${plural(listed, 'object version')} in s3://${bucket}; the filters may take fewer`;
  return { count: listed, basis: 'listed', note, listed };
}

/** The objects of the job's manifest; `unknown` (0) when the manifest cannot be read. */
export async function countManifestObjects(s3: S3Client, manifest: WizardManifest): Promise<ObjectCount> {
  try {
    if (manifest.format === 'replication')
      return await countGenerated(s3, manifest.generator?.sourceBucket ?? '');
    const loc = {
      ...manifestLocation(manifest),
      ...(manifest.versionId ? { versionId: manifest.versionId } : {}),
    };
    return manifest.format === 'csv' ? await countCsv(s3, loc) : await countInventory(s3, loc);
  } catch (e) {
    return { count: 0, basis: 'unknown', note: `the manifest could not be read: ${(e as Error).message}` };
  }
}
