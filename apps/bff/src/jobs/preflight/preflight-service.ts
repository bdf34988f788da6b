import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  etagsMatch,
  ManifestError,
  type ManifestRow,
  mapBounded,
  normalizeEtag,
  parseCsvManifest,
} from '@batchops/batch-formats';
import type {
  PreflightCheck,
  PreflightCheckId,
  PreflightRequest,
  PreflightResponse,
} from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { headObject, readManifestStart } from '../manifest-object.js';
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
  const heads = await mapBounded(rows, HEAD_CONCURRENCY, (row) =>
    headObject(s3, row).then(
      () => undefined,
      (e) => ({ row, error: errorText(e) }),
    ),
  );
  return heads.filter((h) => h !== undefined);
}

type Verdict = Pick<PreflightCheck, 'status' | 'message'>;
type ManifestLoc = { bucket: string; key: string; versionId?: string };

const skipped = 'Not checked: the manifest could not be read.';
const noRows = 'Not checked: no rows could be read.';

/** `report-bucket`: the completion report's bucket exists (a warning when there is no report). */
async function reportBucketCheck(s3: S3Client, report: PreflightRequest['report']): Promise<Verdict> {
  if (!report.enabled)
    return { status: 'warn', message: 'No completion report: failed tasks cannot be reviewed or retried.' };
  try {
    await s3.send(new HeadBucketCommand({ Bucket: report.bucket }));
    return { status: 'pass', message: `s3://${report.bucket} exists.` };
  } catch (e) {
    return { status: 'fail', message: `s3://${report.bucket}: ${errorText(e)}` };
  }
}

/** `manifest-readable`: HeadObject of the manifest; its ETag (bare) when it can be read. */
async function manifestReadableCheck(
  s3: S3Client,
  loc: ManifestLoc,
): Promise<{ verdict: Verdict; etag?: string }> {
  const uri = `s3://${loc.bucket}/${loc.key}`;
  try {
    const head = await headObject(s3, loc);
    const verdict: Verdict = { status: 'pass', message: `${uri} (${head.ContentLength ?? 0} bytes).` };
    return { verdict, etag: normalizeEtag(head.ETag) ?? '' };
  } catch (e) {
    return { verdict: { status: 'fail', message: `${uri}: ${errorText(e)}` } };
  }
}

/** `manifest-etag`: the ETag the wizard gives is the object's (CreateJob fails otherwise). */
function manifestEtagCheck(etag: string | undefined, given: string | undefined): Verdict {
  if (etag === undefined) return { status: 'warn', message: skipped };
  if (given === undefined)
    return { status: 'pass', message: `No ETag given; the current ETag ${etag} will be used.` };
  if (etagsMatch(given, etag)) return { status: 'pass', message: `Matches ${etag}.` };
  return {
    status: 'fail',
    message: `The manifest's ETag is ${etag}, not ${normalizeEtag(given)}: CreateJob would fail.`,
  };
}

/** `manifest-rows`: the first rows, read as the job will read them; `mixedVersions` for `version-ids`. */
async function manifestRowsCheck(
  s3: S3Client,
  loc: ManifestLoc,
  format: PreflightRequest['manifest']['format'],
): Promise<{ verdict: Verdict; rows?: ManifestRow[]; mixedVersions?: ManifestError }> {
  let mixedVersions: ManifestError | undefined;
  try {
    const { text, complete } = await readManifestStart(s3, loc);
    if (format !== 'csv') {
      const inv = await inventoryRows(s3, loc, text);
      const message = `${inv.note}; the first ${inv.rows.length} row(s) of the first parse.`;
      return { verdict: { status: 'pass', message }, rows: inv.rows };
    }
    let all: ManifestRow[];
    try {
      all = csvManifestRows(text, complete);
    } catch (e) {
      if (e instanceof ManifestError) mixedVersions = versionIdMismatch(text, complete);
      throw e;
    }
    if (all.length === 0) throw new Error('the manifest has no rows');
    const read = complete ? `All ${all.length} row(s)` : `The first ${all.length} row(s)`;
    const verdict: Verdict = { status: 'pass', message: `${read} read as the job will read them.` };
    return { verdict, rows: all.slice(0, SAMPLE_ROWS) };
  } catch (e) {
    const message = e instanceof ManifestError ? failureOf(e) : (e as Error).message;
    return { verdict: { status: 'fail', message }, ...(mixedVersions ? { mixedVersions } : {}) };
  }
}

/** `version-ids`: the rows name version IDs for all objects or none. */
function versionIdsCheck(rows: ManifestRow[] | undefined, mixedVersions: ManifestError | undefined): Verdict {
  if (mixedVersions) return { status: 'fail', message: failureOf(mixedVersions) };
  if (!rows) return { status: 'warn', message: noRows };
  // The reader let the rows through, so they give version IDs for all objects or none.
  if (rows.some((r) => r.versionId !== undefined))
    return { status: 'pass', message: 'Every row names a version ID.' };
  return { status: 'pass', message: 'No row names a version: the latest version of each object is used.' };
}

/** `objects-exist`: HeadObject of the first rows' objects. */
async function objectsExistCheck(s3: S3Client, rows: ManifestRow[] | undefined): Promise<Verdict> {
  if (!rows) return { status: 'warn', message: noRows };
  const missing = await missingObjects(s3, rows);
  if (missing.length === 0) return { status: 'pass', message: `All ${rows.length} object(s) checked exist.` };
  const shown = missing
    .slice(0, 5)
    .map(
      (m) =>
        `s3://${m.row.bucket}/${m.row.key}${m.row.versionId ? ` (version ${m.row.versionId})` : ''}: ${m.error}`,
    )
    .join('; ');
  return {
    status: 'fail',
    message: `${missing.length} of ${rows.length} object(s) not found: ${shown}${missing.length > 5 ? '; …' : ''}`,
  };
}

/** The checks of a wizard model before the job exists; none of them changes anything. */
export async function preflight(deps: JobsServiceDeps, model: PreflightRequest): Promise<PreflightResponse> {
  const checks: PreflightCheck[] = [];
  const add = (id: PreflightCheckId, verdict: Verdict) => checks.push({ id, label: labels[id], ...verdict });
  const { s3 } = deps.clientsFor(model.region ?? deps.region);
  // A manifest generated from the replication configuration exists only once the job runs.
  if (model.manifest.format === 'replication') return generatedManifestPreflight(deps, s3, model, labels);
  const loc = { ...manifestLocation(model.manifest), versionId: model.manifest.versionId };
  const reportCheck = reportBucketCheck(s3, model.report);

  const { verdict: readable, etag } = await manifestReadableCheck(s3, loc);
  add('manifest-readable', readable);
  add('manifest-etag', manifestEtagCheck(etag, model.manifest.etag));
  const read =
    etag === undefined
      ? { verdict: { status: 'warn', message: skipped } as Verdict }
      : await manifestRowsCheck(s3, loc, model.manifest.format);
  add('manifest-rows', read.verdict);
  add('version-ids', versionIdsCheck(read.rows, read.mixedVersions));
  add('objects-exist', await objectsExistCheck(s3, read.rows));
  add('report-bucket', await reportCheck);

  const { role, permissions } = await roleChecks(deps, model, read.rows);
  add('role-arn', role);
  checks.push({ id: 'role-permissions', label: labels['role-permissions'], ...permissions });
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
