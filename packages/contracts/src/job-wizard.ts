import { z } from 'zod';
import { ManifestFormat } from './job-details.js';
import { JobTags, S3Tag } from './jobs.js';

const bucketName = z
  .string()
  .min(3, 'a bucket name has 3 to 63 characters')
  .max(63, 'a bucket name has 3 to 63 characters')
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'not a valid bucket name');

/** `arn:aws:s3:::bucket/key` of the manifest object, or its bucket and key. */
export const WizardManifest = z
  .object({
    format: ManifestFormat,
    objectArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:s3:::[^/]+\/.+$/, 'must be an object ARN such as arn:aws:s3:::bucket/key')
      .optional(),
    bucket: bucketName.optional(),
    key: z.string().min(1).max(1024).optional(),
    versionId: z.string().min(1).optional(),
    etag: z.string().min(1).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.objectArn === undefined && (m.bucket === undefined || m.key === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: m.bucket === undefined ? ['bucket'] : ['key'],
        message: 'give the manifest object ARN, or its bucket and key',
      });
    }
  });
export type WizardManifest = z.infer<typeof WizardManifest>;

export const cannedAcls = [
  'private',
  'public-read',
  'public-read-write',
  'aws-exec-read',
  'authenticated-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
] as const;
export const CannedAcl = z.enum(cannedAcls);
export type CannedAcl = z.infer<typeof CannedAcl>;

export const storageClasses = [
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'GLACIER',
  'INTELLIGENT_TIERING',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
] as const;

const objectTags = z.array(S3Tag).max(10, 'an object has at most 10 tags');

export const WizardOperation = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tagging'), tags: objectTags }),
  z.object({ type: z.literal('deleteTagging') }),
  z.object({
    type: z.literal('copy'),
    /** Destination bucket name or ARN. */
    targetBucket: z.string().min(3),
    targetKeyPrefix: z.string().max(1024).optional(),
    storageClass: z.enum(storageClasses).optional(),
    metadataDirective: z.enum(['COPY', 'REPLACE']).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    tags: objectTags.optional(),
    cannedAcl: CannedAcl.optional(),
    objectLockMode: z.enum(['GOVERNANCE', 'COMPLIANCE']).optional(),
    objectLockRetainUntilDate: z.string().datetime().optional(),
    objectLockLegalHoldStatus: z.enum(['ON', 'OFF']).optional(),
  }),
  z.object({ type: z.literal('acl'), cannedAcl: CannedAcl }),
]);
export type WizardOperation = z.infer<typeof WizardOperation>;

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

/** The create-job wizard's model: what POST /api/jobs takes and GET /api/jobs/:id/clone returns. */
export const JobWizardModel = z.object({
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region such as us-east-1')
    .optional(),
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
  /** One line, shell-quoted for POSIX shells, ready to paste. */
  command: z.string(),
  /** The same as an argument vector (no quoting). */
  argv: z.array(z.string()),
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
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region such as us-east-1')
    .optional(),
});
export type RegionQuery = z.infer<typeof RegionQuery>;
