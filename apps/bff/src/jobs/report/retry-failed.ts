import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeJobCommand } from '@aws-sdk/client-s3-control';
import { formatManifestRow, normalizeEtag, reportBase } from '@batchops/batch-formats';
import type { RetryFailedResponse, RetryManifestResponse } from '@batchops/contracts';
import { HttpError } from '../../errors/http-error.js';
import { createJob } from '../jobs-service.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { toWizardModel } from '../wizard-mapping.js';
import { loadReport, reportKey } from './report-service.js';

/**
 * The first half of retrying failed tasks: a CSV manifest of the report's failed rows, written to the
 * report bucket under `<prefix>/job-<id>/retry-<timestamp>.csv`, and the job's settings over it as a
 * wizard model that waits for confirmation (the console opens the wizard with it).
 */
export async function retryManifest(
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<RetryManifestResponse> {
  const report = await loadReport(deps, jobId, region);
  const failed = report.rows.filter((r) => r.taskStatus === 'failed');
  if (failed.length === 0)
    throw new HttpError(409, 'NoFailedTasks', `Job ${jobId} has no failed tasks to retry.`);
  const clients = deps.clientsFor(region);
  const { Job: job } = await clients.s3control.send(
    new DescribeJobCommand({ AccountId: deps.accountId, JobId: jobId }),
  );
  const tags = await deps.cache.tagsOf(clients.s3control, [jobId]);
  const model = toWizardModel(job ?? {}, tags.get(jobId) ?? [], region);
  const withVersions = failed.every((r) => r.versionId !== null);
  // The report keeps keys URL-encoded, as the manifest had them; the row writer encodes them again.
  const csv = failed
    .map((r) =>
      formatManifestRow({
        bucket: r.bucket,
        key: reportKey(r.key),
        ...(withVersions ? { versionId: r.versionId ?? '' } : {}),
      }),
    )
    .join('');
  const stamp = new Date(deps.now()).toISOString().replace(/[:.]/g, '-');
  const manifestKey = `${reportBase(job?.Report?.Prefix, jobId)}retry-${stamp}.csv`;
  const put = await clients.s3.send(
    new PutObjectCommand({ Bucket: report.bucket, Key: manifestKey, Body: csv, ContentType: 'text/csv' }),
  );
  const description = `Retry of failed tasks of job ${jobId}`;
  return {
    model: {
      ...model,
      manifest: {
        format: 'csv',
        bucket: report.bucket,
        key: manifestKey,
        ...(put.VersionId ? { versionId: put.VersionId } : {}),
        ...(put.ETag ? { etag: normalizeEtag(put.ETag) } : {}),
      },
      description: (model.description ? `${model.description} (retry of ${jobId})` : description).slice(
        0,
        256,
      ),
      runOption: 'wait',
    },
    manifestKey,
    tasks: failed.length,
  };
}

/** Retry failed tasks in one call (the API's): the manifest of the failed rows, and the job over it. */
export async function retryFailed(
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<RetryFailedResponse> {
  const { model, manifestKey, tasks } = await retryManifest(deps, jobId, region);
  const { jobId: retryJobId } = await createJob(deps, model);
  return { jobId: retryJobId, manifestKey, tasks };
}
