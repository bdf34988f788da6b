import type { JobDescriptor, JobListDescriptor } from '@aws-sdk/client-s3-control';
import { bucketOfArn, parseObjectArn } from '@batchops/batch-formats';
import {
  type JobDetails,
  JobDetails as JobDetailsSchema,
  type JobSummary,
  JobSummary as JobSummarySchema,
  type S3Tag,
  WizardOperation,
} from '@batchops/contracts';
import { fromSdkOperation } from './operations/operation-registry.js';
import { INVENTORY_FORMAT } from './wizard-mapping.js';

/** S3 Control JobListDescriptor → the console's JobSummary (validated, so bad upstream data fails loudly). */
export function toJobSummary(d: JobListDescriptor): JobSummary {
  return JobSummarySchema.parse({
    jobId: d.JobId,
    description: d.Description ?? null,
    operation: d.Operation ?? null,
    priority: d.Priority ?? 0,
    status: d.Status,
    creationTime: d.CreationTime?.toISOString(),
    terminationDate: d.TerminationDate?.toISOString() ?? null,
    progress: {
      totalTasks: d.ProgressSummary?.TotalNumberOfTasks ?? null,
      succeeded: d.ProgressSummary?.NumberOfTasksSucceeded ?? 0,
      failed: d.ProgressSummary?.NumberOfTasksFailed ?? 0,
      elapsedActiveSeconds: d.ProgressSummary?.Timers?.ElapsedTimeInActiveSeconds ?? null,
    },
  });
}

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

function generatorOf(d: JobDescriptor): JobDetails['manifestGenerator'] {
  const g = d.ManifestGenerator?.S3JobManifestGenerator;
  if (!g?.SourceBucket) return null;
  const out = g.EnableManifestOutput ? g.ManifestOutputLocation : undefined;
  return {
    sourceBucket: bucketOfArn(g.SourceBucket),
    createdAfter: iso(g.Filter?.CreatedAfter),
    createdBefore: iso(g.Filter?.CreatedBefore),
    replicationStatuses: [...(g.Filter?.ObjectReplicationStatuses ?? [])],
    output: out?.Bucket ? { bucket: bucketOfArn(out.Bucket), prefix: out.ManifestPrefix ?? null } : null,
    generatedManifestArn: d.GeneratedManifestDescriptor?.Location?.ObjectArn ?? null,
  };
}

/** The same mapping as Clone's; a job made outside the console may not satisfy the wizard's rules: null. */
function operationModelOf(d: JobDescriptor): WizardOperation | null {
  const parsed = WizardOperation.safeParse(fromSdkOperation(d.Operation));
  return parsed.success ? parsed.data : null;
}

/** DescribeJob's JobDescriptor and the job's tags → the console's JobDetails (validated). */
export function toJobDetails(d: JobDescriptor, tags: readonly S3Tag[]): JobDetails {
  const opName = Object.keys(d.Operation ?? {}).find(
    (k) => (d.Operation as Record<string, unknown>)[k] !== undefined,
  );
  const params = opName ? (d.Operation as Record<string, unknown>)[opName] : {};
  const location = d.Manifest?.Location;
  const loc = location?.ObjectArn ? parseObjectArn(location.ObjectArn) : undefined;
  return JobDetailsSchema.parse({
    ...toJobSummary({ ...d, Operation: opName as JobListDescriptor['Operation'] }),
    jobArn: d.JobArn ?? null,
    confirmationRequired: d.ConfirmationRequired ?? false,
    statusUpdateReason: d.StatusUpdateReason ?? null,
    failureReasons: (d.FailureReasons ?? []).map((f) => ({
      code: f.FailureCode ?? '',
      reason: f.FailureReason ?? '',
    })),
    suspendedDate: iso(d.SuspendedDate),
    suspendedCause: d.SuspendedCause ?? null,
    manifest:
      location?.ObjectArn && loc
        ? {
            format: d.Manifest?.Spec?.Format === INVENTORY_FORMAT ? 'inventory' : 'csv',
            fields: d.Manifest?.Spec?.Fields ?? null,
            objectArn: location.ObjectArn,
            bucket: loc.bucket,
            key: loc.key,
            etag: location.ETag ?? null,
            versionId: location.ObjectVersionId ?? null,
          }
        : null,
    manifestGenerator: generatorOf(d),
    // Dates in the parameters become ISO strings, as JSON has them.
    operationParameters: JSON.parse(JSON.stringify(params ?? {})),
    operationModel: operationModelOf(d),
    report: {
      enabled: d.Report?.Enabled ?? false,
      bucket: d.Report?.Bucket ?? null,
      prefix: d.Report?.Prefix ?? null,
      format: d.Report?.Format ?? null,
      scope: d.Report?.ReportScope ?? null,
    },
    roleArn: d.RoleArn ?? null,
    tags,
  });
}
