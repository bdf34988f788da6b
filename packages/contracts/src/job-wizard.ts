import { z } from 'zod';
import { RegionName } from './jobs.js';
import { WizardOperation } from './operations.js';
import { JobTags, S3Tag } from './tags.js';

/** A bucket name, with the message shown when none is given (zod's own when `required` is absent). */
const bucketNameOr = (required?: string) =>
  z
    .string(required === undefined ? undefined : { error: required })
    .min(3, 'a bucket name has 3 to 63 characters')
    .max(63, 'a bucket name has 3 to 63 characters')
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'not a valid bucket name');

const bucketName = bucketNameOr();

/** The manifest step's choices: a CSV or inventory object, or a manifest generated from the replication configuration. */
export const WizardManifestFormat = z.enum(['csv', 'inventory', 'replication']);
export type WizardManifestFormat = z.infer<typeof WizardManifestFormat>;

export const replicationStatuses = ['NONE', 'FAILED', 'COMPLETED', 'REPLICA'] as const;
export const ReplicationStatusFilter = z.enum(replicationStatuses);
export type ReplicationStatusFilter = z.infer<typeof ReplicationStatusFilter>;

/**
 * "Create manifest using S3 Replication configuration": S3JobManifestGenerator with
 * EligibleForReplication, the creation-date and replication-status filters and, optionally, where
 * the generated manifest is saved (EnableManifestOutput / ManifestOutputLocation).
 */
export const WizardManifestGenerator = z
  .object({
    sourceBucket: bucketNameOr('choose the source bucket'),
    createdAfter: z.string().datetime({ offset: true, message: 'must be a date and time' }).optional(),
    createdBefore: z.string().datetime({ offset: true, message: 'must be a date and time' }).optional(),
    replicationStatuses: z.array(ReplicationStatusFilter).max(4).default([]),
    output: z
      .object({
        bucket: bucketNameOr('choose the bucket to save the manifest to'),
        prefix: z.string().min(1).max(512, 'at most 512 characters').optional(),
      })
      .optional(),
  })
  .superRefine((g, ctx) => {
    if (g.createdAfter && g.createdBefore && Date.parse(g.createdAfter) >= Date.parse(g.createdBefore))
      ctx.addIssue({
        code: 'custom',
        path: ['createdBefore'],
        message: 'must be later than "Created after"',
      });
    if (new Set(g.replicationStatuses).size !== g.replicationStatuses.length)
      ctx.addIssue({ code: 'custom', path: ['replicationStatuses'], message: 'a status is chosen twice' });
  });
export type WizardManifestGenerator = z.infer<typeof WizardManifestGenerator>;

/** `arn:aws:s3:::bucket/key` of the manifest object, or its bucket and key; or a generated manifest. */
export const WizardManifest = z
  .object({
    format: WizardManifestFormat,
    objectArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:s3:::[^/]+\/.+$/, 'must be an object ARN such as arn:aws:s3:::bucket/key')
      .optional(),
    bucket: bucketName.optional(),
    key: z.string().min(1).max(1024).optional(),
    versionId: z.string().min(1).optional(),
    etag: z.string().min(1).optional(),
    /** Only with format `replication`. */
    generator: WizardManifestGenerator.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.format === 'replication') {
      if (m.generator === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['generator', 'sourceBucket'],
          message: 'choose the source bucket',
        });
      return;
    }
    if (m.objectArn === undefined && (m.bucket === undefined || m.key === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: m.bucket === undefined ? ['bucket'] : ['key'],
        message: 'give the manifest object ARN, or its bucket and key',
      });
    }
  });
export type WizardManifest = z.infer<typeof WizardManifest>;

export const ReportScope = z.enum(['AllTasks', 'FailedTasksOnly']);
export type ReportScope = z.infer<typeof ReportScope>;

export const WizardReport = z
  .object({
    enabled: z.boolean(),
    bucket: bucketName.optional(),
    prefix: z.string().max(512).optional(),
    scope: ReportScope.default('AllTasks'),
  })
  .superRefine((r, ctx) => {
    if (r.enabled && r.bucket === undefined)
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'required when the report is enabled' });
  });
export type WizardReport = z.infer<typeof WizardReport>;

export const RoleArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'must be an IAM role ARN such as arn:aws:iam::123456789012:role/name',
  );

/** The wizard's model without the rules across its parts (PreflightRequest extends it). */
export const JobWizardModelBase = z.object({
  region: RegionName.optional(),
  manifest: WizardManifest,
  operation: WizardOperation,
  description: z.string().max(256, 'at most 256 characters').optional(),
  priority: z.number().int().min(0).max(2147483647),
  report: WizardReport,
  roleArn: RoleArn,
  tags: JobTags.default([]),
  /** wait: the job stops in Suspended until someone runs it (the console default). */
  runOption: z.enum(['wait', 'auto']).default('wait'),
  /** Kept by the SPA across retries, so a retried create makes one job (CreateJob idempotency). */
  clientRequestToken: z.string().min(1).max(64),
});

/** A manifest generated from the replication configuration serves only Replicate, as in the S3 console. */
export function checkManifestOperation(
  m: { manifest: { format: string }; operation: { type: string } },
  ctx: z.RefinementCtx,
): void {
  if (m.manifest.format === 'replication' && m.operation.type !== 'replicate')
    ctx.addIssue({
      code: 'custom',
      path: ['operation', 'type'],
      message: 'a manifest created from the replication configuration can only be used with Replicate',
    });
}

/** The create-job wizard's model: what POST /api/jobs takes and GET /api/jobs/:id/clone returns. */
export const JobWizardModel = JobWizardModelBase.superRefine(checkManifestOperation);
export type JobWizardModel = z.infer<typeof JobWizardModel>;
export type JobWizardInput = z.input<typeof JobWizardModel>;

export const CreateJobResponse = z.object({ jobId: z.string() });
export type CreateJobResponse = z.infer<typeof CreateJobResponse>;

export const CancelJobRequest = z.object({ reason: z.string().max(256).optional() });
export type CancelJobRequest = z.infer<typeof CancelJobRequest>;

export const UpdatePriorityRequest = z.object({ priority: z.number().int().min(0).max(2147483647) });
export type UpdatePriorityRequest = z.infer<typeof UpdatePriorityRequest>;

export const PutJobTagsRequest = z.object({ tags: JobTags });
export type PutJobTagsRequest = z.infer<typeof PutJobTagsRequest>;

/** Answer of run / cancel / priority / tags: the job as it is after the change. */
export const JobUpdateResponse = z.object({
  jobId: z.string(),
  status: z.string().optional(),
  priority: z.number().int().optional(),
  tags: z.array(S3Tag).optional(),
});
export type JobUpdateResponse = z.infer<typeof JobUpdateResponse>;

/** The `aws s3control create-job …` command for a wizard model. */
export const CliCommandResponse = z.object({
  /** One line, shell-quoted for POSIX shells, ready to paste (with `env` in front). */
  command: z.string(),
  /** The same as an argument vector (no quoting). */
  argv: z.array(z.string()),
  /** What the command needs in its environment (HTTP_PROXY for local-aws). */
  env: z.record(z.string(), z.string()),
  /** What to know before running it: keys, NO_PROXY, a CLI too old for the request's shapes. */
  notes: z.array(z.string()),
  /** The same CreateJob in boto3, and in the AWS SDK for JavaScript v3. */
  boto3: z.string(),
  sdkJs: z.string(),
});
export type CliCommandResponse = z.infer<typeof CliCommandResponse>;

export const JobIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, 'not a job ID'),
});
export type JobIdParams = z.infer<typeof JobIdParams>;

/** `?region=` on job routes; absent: the console's Region. */
export const RegionQuery = z.object({
  region: RegionName.optional(),
});
export type RegionQuery = z.infer<typeof RegionQuery>;
