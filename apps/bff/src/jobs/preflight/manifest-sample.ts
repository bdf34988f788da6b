import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CsvRowParser,
  layoutOf,
  type ManifestRow,
  parseCsvManifest,
  parseInventoryManifest,
} from '@batchops/batch-formats';
import type { RoleTemplateRequest } from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { csvManifestFields, readManifestStart } from '../manifest-object.js';
import { manifestLocation } from '../wizard-mapping.js';

// The first rows of a job's manifest, read as the engine reads them: pre-flight checks them and the
// role template names their buckets.

/** Rows looked at (and objects checked with HeadObject by pre-flight). */
export const SAMPLE_ROWS = 100;

/**
 * The first rows of a CSV manifest, read as the engine will read the job's manifest (the same
 * reader and Spec.Fields), so a row the job would fail on fails here with the same line and reason.
 */
export function csvManifestRows(text: string, complete: boolean): ManifestRow[] {
  const fields = csvManifestFields(text, complete);
  return parseCsvManifest(text, { partial: !complete, ...(fields ? { fields } : {}) });
}

/** The first `n` non-blank lines (blank ones kept, so line numbers stay the file's). */
async function firstLines(body: Readable, gzip: boolean, n: number): Promise<string> {
  const lines: string[] = [];
  let rows = 0;
  const input = gzip ? body.pipe(createGunzip()) : body;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lines.push(line);
    if (line && ++rows >= n) break;
  }
  rl.close();
  body.destroy();
  return lines.join('\n');
}

/** The first rows of an inventory report: manifest.json, then the start of its first data file. */
export async function inventoryRows(
  s3: S3Client,
  loc: { bucket: string; key: string },
  text: string,
): Promise<{ rows: ManifestRow[]; note: string }> {
  // The engine's inventory reader: its manifest.json parser, these columns, rows named by file and line.
  const manifest = parseInventoryManifest(text);
  const file = manifest.files[0];
  if (file === undefined) throw new Error('manifest.json names no data files');
  const layout = layoutOf(manifest.fileSchema);
  const out = await s3.send(new GetObjectCommand({ Bucket: loc.bucket, Key: file.key }));
  const csv = await firstLines(out.Body as Readable, file.key.endsWith('.gz'), SAMPLE_ROWS);
  const rows = new CsvRowParser(layout, file.key).push(csv, true).flat();
  return { rows, note: `manifest.json names ${manifest.files.length} data file(s)` };
}

/** The first rows of the job's manifest (the part pre-flight reads), and whether that is all of them. */
export async function sampleManifestRows(
  deps: JobsServiceDeps,
  job: Pick<RoleTemplateRequest, 'region' | 'manifest'>,
): Promise<{ rows: ManifestRow[]; complete: boolean }> {
  const { s3 } = deps.clientsFor(job.region ?? deps.region);
  const loc = { ...manifestLocation(job.manifest), versionId: job.manifest.versionId };
  const { text, complete } = await readManifestStart(s3, loc);
  if (job.manifest.format === 'csv') return { rows: csvManifestRows(text, complete), complete };
  const inv = await inventoryRows(s3, loc, text);
  return { rows: inv.rows, complete: false };
}
