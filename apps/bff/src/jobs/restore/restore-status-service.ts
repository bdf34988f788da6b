import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import type { JobDescriptor } from '@aws-sdk/client-s3-control';
import {
  ARCHIVE_STORAGE_CLASSES,
  type ManifestRow,
  mapBounded,
  parseRestoreHeader,
  RESTORE_TIMES_SOURCE,
  type RestoreTier,
  TYPICAL_RESTORE_MS,
} from '@batchops/batch-formats';
import type { RestoreStates, RestoreStatusResponse } from '@batchops/contracts';
import { HttpError } from '../../errors/http-error.js';
import { describe } from '../jobs-service.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { headObject } from '../manifest-object.js';
import { SAMPLE_ROWS, sampleManifestRows } from '../preflight/manifest-sample.js';
import { toWizardModel } from '../wizard-mapping.js';

// Issue 19 §2: a restore job is Complete once the restores have *started*; HeadObject's
// x-amz-restore says when each object is readable. A bounded sample stands for a big manifest.

const HEAD_CONCURRENCY = 16;
const ENDED = new Set(['Complete', 'Failed', 'Cancelled']);

type State = keyof RestoreStates;

/** One object's state from its HeadObject (or its failure). */
function stateOf(
  head: HeadObjectCommandOutput | undefined,
  jobEnded: boolean,
): {
  state: State;
  expiry?: Date;
} {
  if (!head) return { state: 'unreadable' };
  const restore = parseRestoreHeader(head.Restore);
  if (restore?.ongoing) return { state: 'restoring' };
  if (restore) return { state: 'available', ...(restore.expiry ? { expiry: restore.expiry } : {}) };
  if (!ARCHIVE_STORAGE_CLASSES.has(head.StorageClass ?? 'STANDARD')) return { state: 'notArchived' };
  return { state: jobEnded ? 'expired' : 'pending' };
}

const zero = (): RestoreStates => ({
  restoring: 0,
  available: 0,
  expired: 0,
  pending: 0,
  notArchived: 0,
  unreadable: 0,
});

function scaled(counts: RestoreStates, total: number, sampled: number): RestoreStates {
  if (sampled === 0 || sampled >= total) return counts;
  const out = zero();
  for (const k of Object.keys(counts) as State[]) out[k] = Math.round((counts[k] * total) / sampled);
  return out;
}

/** When the objects still restoring should be readable: local-aws's own delay, or AWS's typical time. */
function readyEstimate(
  deps: JobsServiceDeps,
  job: JobDescriptor,
  tier: RestoreTier,
  deep: boolean,
): { at: number; basis: string } {
  // Each task asks for its restore while the job runs: count from its end, or from now.
  const from = job.TerminationDate?.getTime() ?? deps.now();
  if (deps.restoreDelaysMs)
    return { at: from + deps.restoreDelaysMs[tier], basis: `local-aws's ${tier} delay` };
  const cls = deep ? 'DEEP_ARCHIVE' : 'GLACIER';
  return {
    at: from + TYPICAL_RESTORE_MS[cls][tier],
    basis: `AWS's typical ${tier} time for ${deep ? 'S3 Glacier Deep Archive' : 'S3 Glacier Flexible Retrieval'} (${RESTORE_TIMES_SOURCE})`,
  };
}

async function describeRestoreJob(deps: JobsServiceDeps, jobId: string, region: string) {
  const job = await describe(deps, jobId, region);
  const op = job.Operation?.S3InitiateRestoreObject;
  if (!op) throw new HttpError(409, 'NotARestoreJob', `Job ${jobId} does not restore objects.`);
  const tier: RestoreTier = op.GlacierJobTier === 'BULK' ? 'Bulk' : 'Standard';
  return { job, tier };
}

/** The job's objects as HeadObject sees them now: counts over a sample, scaled to the job's size. */
export async function restoreStatus(
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<RestoreStatusResponse> {
  const { job, tier } = await describeRestoreJob(deps, jobId, region);
  const model = toWizardModel(job, [], region);
  const { rows, complete } = await sampleManifestRows(deps, model);
  const sample: ManifestRow[] = rows.slice(0, SAMPLE_ROWS);
  const s3 = deps.clientsFor(region).s3;
  const heads = await mapBounded(sample, HEAD_CONCURRENCY, (row) =>
    headObject(s3, row).catch(() => undefined),
  );
  const ended = ENDED.has(job.Status ?? '');
  const counts = zero();
  let availableUntil: number | undefined;
  let deep = false;
  for (const head of heads) {
    const { state, expiry } = stateOf(head, ended);
    counts[state]++;
    if (head?.StorageClass === 'DEEP_ARCHIVE') deep = true;
    if (expiry && (availableUntil === undefined || expiry.getTime() < availableUntil))
      availableUntil = expiry.getTime();
  }
  const tasks = job.ProgressSummary?.TotalNumberOfTasks ?? 0;
  const total = complete && rows.length > tasks ? rows.length : Math.max(tasks, sample.length);
  const ready = counts.restoring > 0 ? readyEstimate(deps, job, tier, deep) : undefined;
  return {
    total,
    sampled: sample.length,
    counts,
    estimated: scaled(counts, total, sample.length),
    availableUntil: availableUntil === undefined ? null : new Date(availableUntil).toISOString(),
    readyBy: ready ? new Date(ready.at).toISOString() : null,
    readyBasis: ready?.basis ?? '',
    tier,
    checkedAt: new Date(deps.now()).toISOString(),
  };
}
