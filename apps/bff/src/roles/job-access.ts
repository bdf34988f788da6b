import type { JobOperation } from '@aws-sdk/client-s3-control';
import { type JobAccess, partitionOf } from '@batchops/batch-formats';
import type { JobWizardModel, RoleTemplateRequest } from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { manifestLocation, toCreateJobRequest } from '../jobs/wizard-mapping.js';

/** The CreateJob operation of a wizard model (the shape the permissions table reads). */
export function jobOperationOf(deps: JobsServiceDeps, job: RoleTemplateRequest): JobOperation {
  const model: JobWizardModel = {
    ...job,
    priority: 0,
    roleArn: '',
    tags: [],
    runOption: 'wait',
    clientRequestToken: 'role-template',
  };
  return toCreateJobRequest(model, deps.accountId, { etag: '', fields: undefined }).Operation ?? {};
}

/** The job's access needs: the operation, the manifest's buckets (from its rows), manifest and report. */
export function jobAccessOf(
  deps: JobsServiceDeps,
  job: RoleTemplateRequest,
  sourceBuckets: readonly string[],
): JobAccess {
  const g = job.manifest.generator;
  const manifest: JobAccess['manifest'] =
    job.manifest.format === 'replication' && g
      ? // The console generates manifests from the replication configuration only (EligibleForReplication).
        { format: 'generated', sourceBucket: g.sourceBucket, eligibleForReplication: true, output: g.output }
      : {
          ...manifestLocation(job.manifest),
          format: job.manifest.format === 'inventory' ? 'inventory' : 'csv',
          versionId: job.manifest.versionId,
        };
  return {
    partition: partitionOf(job.region ?? deps.region),
    operation: jobOperationOf(deps, job),
    sourceBuckets,
    manifest,
    report:
      job.report.enabled && job.report.bucket
        ? { bucket: job.report.bucket, prefix: job.report.prefix }
        : null,
  };
}
