import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  etagsMatch,
  ManifestError,
  type ManifestRow,
  normalizeEtag,
  parseCsvManifest,
} from '@batchops/batch-formats';
import type {
  PreflightCheck,
  PreflightCheckId,
  PreflightRequest,
  PreflightResponse,
} from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service.js';
import { HEAD_BYTES, headObject, readObjectStart } from '../manifest-object.js';
import { manifestLocation } from '../wizard-mapping.js';
import { errorText } from './error-text.js';
import { csvManifestRows, inventoryRows, SAMPLE_ROWS } from './manifest-sample.js';
import { generatedManifestPreflight } from './preflight-generated.js';
import { roleChecks } from './role-check.js';

/** Objects checked with HeadObject at once. */
const HEAD_CONCURRENCY = 16;

const labels: Record<PreflightCheckId, string> = {
  'manifest-readable': 'Manifest readable',
  'manifest-etag': 'Manifest ETag',
  'manifest-rows': 'Manifest rows parse',
  'version-ids': 'Version IDs all-or-none',
  'objects-exist': `First ${SAMPLE_ROWS} objects exist`,
  'report-bucket': 'Report bucket exists',
  'role-arn': 'IAM role',
  'role-permissions': 'Role permissions',
};

/** What the engine fails the job with, as a check message: `ManifestParseError: Line 3: …`. */
const failureOf = (e: ManifestError) => `${e.code}: ${e.message}`;

/**
 * Whether the rows give version IDs for some objects only. The job's Spec.Fields fix the columns,
 * so the engine calls a missing or extra version ID a parse error; read without them it says which.
 */
function versionIdMismatch(text: string, complete: boolean): ManifestError | undefined {
  try {
    parseCsvManifest(text, { partial: !complete });
  } catch (e) {
    if (e instanceof ManifestError && e.code === 'ManifestVersionIdMismatch') return e;
  }
  return undefined;
}

/** HeadObject over rows, a few at a time; the rows whose object is missing. */
async function missingObjects(
  s3: S3Client,
  rows: ManifestRow[],
): Promise<{ row: ManifestRow; error: string }[]> {
  const missing: { row: ManifestRow; error: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++] as ManifestRow;
      try {
        await headObject(s3, row);
      } catch (e) {
        missing.push({ row, error: errorText(e) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HEAD_CONCURRENCY, rows.length) }, worker));
  return missing;
}

/** The checks of a wizard model before the job exists; none of them changes anything. */
export async function preflight(deps: JobsServiceDeps, model: PreflightRequest): Promise<PreflightResponse> {
  const checks: PreflightCheck[] = [];
  const add = (id: PreflightCheckId, status: PreflightCheck['status'], message: string) =>
    checks.push({ id, label: labels[id], status, message });
  const { s3 } = deps.clientsFor(model.region ?? deps.region);
  // A manifest generated from the replication configuration exists only once the job runs.
  if (model.manifest.format === 'replication') return generatedManifestPreflight(deps, s3, model, labels);
  const loc = { ...manifestLocation(model.manifest), versionId: model.manifest.versionId };
  const uri = `s3://${loc.bucket}/${loc.key}`;
  const skipped = 'Not checked: the manifest could not be read.';

  const reportCheck = (async (): Promise<[PreflightCheck['status'], string]> => {
    if (!model.report.enabled)
      return ['warn', 'No completion report: failed tasks cannot be reviewed or retried.'];
    try {
      await s3.send(new HeadBucketCommand({ Bucket: model.report.bucket }));
      return ['pass', `s3://${model.report.bucket} exists.`];
    } catch (e) {
      return ['fail', `s3://${model.report.bucket}: ${errorText(e)}`];
    }
  })();

  let etag: string | undefined;
  try {
    const head = await headObject(s3, loc);
    etag = normalizeEtag(head.ETag) ?? '';
    add('manifest-readable', 'pass', `${uri} (${head.ContentLength ?? 0} bytes).`);
  } catch (e) {
    add('manifest-readable', 'fail', `${uri}: ${errorText(e)}`);
  }

  if (etag === undefined) add('manifest-etag', 'warn', skipped);
  else if (model.manifest.etag === undefined)
    add('manifest-etag', 'pass', `No ETag given; the current ETag ${etag} will be used.`);
  else if (etagsMatch(model.manifest.etag, etag)) add('manifest-etag', 'pass', `Matches ${etag}.`);
  else
    add(
      'manifest-etag',
      'fail',
      `The manifest's ETag is ${etag}, not ${normalizeEtag(model.manifest.etag)}: CreateJob would fail.`,
    );

  let rows: ManifestRow[] | undefined;
  let mixedVersions: ManifestError | undefined;
  if (etag === undefined) add('manifest-rows', 'warn', skipped);
  else {
    try {
      if (model.manifest.format === 'csv') {
        const { text, complete } = await readObjectStart(s3, loc, HEAD_BYTES);
        let all: ManifestRow[];
        try {
          all = csvManifestRows(text, complete);
        } catch (e) {
          if (e instanceof ManifestError) mixedVersions = versionIdMismatch(text, complete);
          throw e;
        }
        if (all.length === 0) throw new Error('the manifest has no rows');
        rows = all.slice(0, SAMPLE_ROWS);
        const read = complete ? `All ${all.length} row(s)` : `The first ${all.length} row(s)`;
        add('manifest-rows', 'pass', `${read} read as the job will read them.`);
      } else {
        const { text } = await readObjectStart(s3, loc, HEAD_BYTES);
        const inv = await inventoryRows(s3, loc, text);
        rows = inv.rows;
        add('manifest-rows', 'pass', `${inv.note}; the first ${rows.length} row(s) of the first parse.`);
      }
    } catch (e) {
      add('manifest-rows', 'fail', e instanceof ManifestError ? failureOf(e) : (e as Error).message);
    }
  }

  if (mixedVersions) add('version-ids', 'fail', failureOf(mixedVersions));
  else if (!rows) add('version-ids', 'warn', 'Not checked: no rows could be read.');
  else {
    // The reader let the rows through, so they give version IDs for all objects or none.
    if (rows.some((r) => r.versionId !== undefined))
      add('version-ids', 'pass', 'Every row names a version ID.');
    else add('version-ids', 'pass', 'No row names a version: the latest version of each object is used.');
  }

  if (!rows) add('objects-exist', 'warn', 'Not checked: no rows could be read.');
  else {
    const missing = await missingObjects(s3, rows);
    if (missing.length === 0) add('objects-exist', 'pass', `All ${rows.length} object(s) checked exist.`);
    else {
      const shown = missing
        .slice(0, 5)
        .map(
          (m) =>
            `s3://${m.row.bucket}/${m.row.key}${m.row.versionId ? ` (version ${m.row.versionId})` : ''}: ${m.error}`,
        )
        .join('; ');
      add(
        'objects-exist',
        'fail',
        `${missing.length} of ${rows.length} object(s) not found: ${shown}${missing.length > 5 ? '; …' : ''}`,
      );
    }
  }

  const [reportStatus, reportMessage] = await reportCheck;
  add('report-bucket', reportStatus, reportMessage);

  const { role, permissions } = await roleChecks(deps, model, rows);
  add('role-arn', role.status, role.message);
  checks.push({ id: 'role-permissions', label: labels['role-permissions'], ...permissions });

  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
