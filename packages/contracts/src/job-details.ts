import { z } from 'zod';
import { JobSummary } from './jobs.js';
import { WizardOperation } from './operations.js';
import { S3Tag } from './tags.js';

export const ManifestFormat = z.enum(['csv', 'inventory']);
export type ManifestFormat = z.infer<typeof ManifestFormat>;

export const JobFailureReason = z.object({ code: z.string(), reason: z.string() });
export type JobFailureReason = z.infer<typeof JobFailureReason>;

/** GET /api/jobs/:id — DescribeJob and GetJobTagging, times as ISO-8601 strings. */
export const JobDetails = JobSummary.extend({
  jobArn: z.string().nullable(),
  confirmationRequired: z.boolean(),
  statusUpdateReason: z.string().nullable(),
  failureReasons: z.array(JobFailureReason),
  suspendedDate: z.string().datetime().nullable(),
  suspendedCause: z.string().nullable(),
  manifest: z
    .object({
      format: ManifestFormat,
      /** CSV columns (JobManifestSpec.Fields), null when the job does not name them. */
      fields: z.array(z.string()).nullable(),
      objectArn: z.string(),
      bucket: z.string(),
      key: z.string(),
      etag: z.string().nullable(),
      versionId: z.string().nullable(),
    })
    .nullable(),
  /** The S3JobManifestGenerator of a job whose manifest S3 generates (replication configuration). */
  manifestGenerator: z
    .object({
      sourceBucket: z.string(),
      createdAfter: z.string().nullable(),
      createdBefore: z.string().nullable(),
      replicationStatuses: z.array(z.string()),
      /** Where the generated manifest is saved; null when it is not (EnableManifestOutput false). */
      output: z.object({ bucket: z.string(), prefix: z.string().nullable() }).nullable(),
      /** GeneratedManifestDescriptor's location, once the manifest has been generated. */
      generatedManifestArn: z.string().nullable(),
    })
    .nullable()
    .default(null),
  /** The JobOperation member's parameters as S3 Control names them (dates as ISO strings). */
  operationParameters: z.record(z.string(), z.unknown()),
  /** The operation as the wizard's model, mapped by the BFF's operation modules; null when the wizard has none for it. */
  operationModel: WizardOperation.nullable().default(null),
  report: z.object({
    enabled: z.boolean(),
    bucket: z.string().nullable(),
    prefix: z.string().nullable(),
    format: z.string().nullable(),
    scope: z.enum(['AllTasks', 'FailedTasksOnly']).nullable(),
  }),
  roleArn: z.string().nullable(),
  tags: z.array(S3Tag),
});
export type JobDetails = z.infer<typeof JobDetails>;
