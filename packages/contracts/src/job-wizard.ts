import { z } from 'zod';
import { JobTags, type OperationName, S3Tag } from './jobs.js';

/** A bucket name, with the message shown when none is given. */
const bucketNameOr = (required: string) =>
  z
    .string({ error: required })
    .min(3, 'a bucket name has 3 to 63 characters')
    .max(63, 'a bucket name has 3 to 63 characters')
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'not a valid bucket name');

const bucketName = z
  .string()
  .min(3, 'a bucket name has 3 to 63 characters')
  .max(63, 'a bucket name has 3 to 63 characters')
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'not a valid bucket name');

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

export const glacierJobTiers = ['BULK', 'STANDARD'] as const;

export const checksumAlgorithms = [
  'CRC32',
  'CRC32C',
  'CRC64NVME',
  'MD5',
  'SHA1',
  'SHA256',
  'SHA512',
  'XXHASH64',
  'XXHASH3',
  'XXHASH128',
] as const;
export type ChecksumAlgorithm = (typeof checksumAlgorithms)[number];

/**
 * The checksum types S3 computes for an algorithm: every algorithm over the full object; COMPOSITE
 * (a checksum of the part checksums) only for CRC32, CRC32C, SHA-1 and SHA-256, as S3 defines it for
 * multipart objects (the engine's rule too, decision 0020).
 */
export function checksumTypesOf(algorithm: ChecksumAlgorithm): ('FULL_OBJECT' | 'COMPOSITE')[] {
  return ['CRC32', 'CRC32C', 'SHA1', 'SHA256'].includes(algorithm)
    ? ['FULL_OBJECT', 'COMPOSITE']
    : ['FULL_OBJECT'];
}

/** LambdaInvokeOperation.FunctionArn's pattern in the S3 Control model. */
export const LAMBDA_FUNCTION =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** S3UpdateObjectEncryption's SSE-KMS KMSKeyArn pattern in the S3 Control model. */
export const KMS_KEY_ARN = /^arn:aws[a-zA-Z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[a-zA-Z0-9-]+$/;

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
  z.object({ type: z.literal('replicate') }),
  z.object({
    type: z.literal('restore'),
    /** Absent for objects in the Intelligent-Tiering archive tiers (S3 refuses a number of days for them). */
    expirationInDays: z
      .number({ message: 'enter a whole number of days' })
      .int('enter a whole number of days')
      .min(1, 'at least 1 day')
      .max(2147483647, 'too many days')
      .optional(),
    glacierJobTier: z.enum(glacierJobTiers),
  }),
  z
    .object({
      type: z.literal('lambda'),
      /** Function name or ARN, without the version or alias. */
      functionArn: z
        .string()
        .min(1, 'choose a function or enter its ARN')
        .max(1024, 'at most 1024 characters')
        .regex(
          LAMBDA_FUNCTION,
          'must be a function ARN such as arn:aws:lambda:us-east-1:123456789012:function:name',
        ),
      /** A version number or alias name, appended to the ARN. */
      functionVersion: z
        .string()
        .regex(/^(\$LATEST|[a-zA-Z0-9-_]+)$/, 'a version number, an alias or $LATEST')
        .optional(),
      invocationSchemaVersion: z.enum(['1.0', '2.0']),
      userArguments: z
        .array(
          z.object({
            key: z.string().min(1, 'a key is required').max(64, 'at most 64 characters'),
            value: z.string().min(1, 'a value is required').max(1024, 'at most 1024 characters'),
          }),
        )
        .max(10, 'at most 10 user arguments')
        .default([]),
    })
    .superRefine((l, ctx) => {
      if (l.userArguments.length > 0 && l.invocationSchemaVersion !== '2.0')
        ctx.addIssue({
          code: 'custom',
          path: ['userArguments'],
          message: 'user arguments need invocation schema version 2.0',
        });
      const keys = l.userArguments.map((a) => a.key);
      keys.forEach((k, i) => {
        if (keys.indexOf(k) !== i)
          ctx.addIssue({ code: 'custom', path: ['userArguments', i, 'key'], message: 'keys must be unique' });
      });
      if (l.functionVersion !== undefined && /:function:[^:]+:[^:]+$/.test(l.functionArn))
        ctx.addIssue({
          code: 'custom',
          path: ['functionVersion'],
          message: 'the ARN already names a version or alias',
        });
    }),
  z.object({ type: z.literal('legalHold'), status: z.enum(['ON', 'OFF']) }),
  z
    .object({
      type: z.literal('retention'),
      /** remove: Retention with neither mode nor date, which removes the retention. */
      action: z.enum(['set', 'remove']),
      mode: z.enum(['GOVERNANCE', 'COMPLIANCE']).optional(),
      retainUntilDate: z.string().datetime({ offset: true, message: 'must be a date and time' }).optional(),
      bypassGovernanceRetention: z.boolean().default(false),
    })
    .superRefine((r, ctx) => {
      if (r.action !== 'set') return;
      if (r.mode === undefined) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'choose a mode' });
      if (r.retainUntilDate === undefined)
        ctx.addIssue({ code: 'custom', path: ['retainUntilDate'], message: 'enter the retain-until date' });
    }),
  z
    .object({
      type: z.literal('checksum'),
      algorithm: z.enum(checksumAlgorithms),
      checksumType: z.enum(['FULL_OBJECT', 'COMPOSITE']),
    })
    .superRefine((c, ctx) => {
      if (!checksumTypesOf(c.algorithm).includes(c.checksumType))
        ctx.addIssue({
          code: 'custom',
          path: ['checksumType'],
          message: `${c.algorithm} supports only ${checksumTypesOf(c.algorithm).join(' and ')} checksums`,
        });
    }),
  z.object({
    type: z.literal('updateEncryption'),
    kmsKeyArn: z
      .string()
      .min(20, 'must be a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-…')
      .max(2048, 'at most 2048 characters')
      .regex(KMS_KEY_ARN, 'must be a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-…'),
    bucketKeyEnabled: z.boolean().default(false),
  }),
]);
export type WizardOperation = z.infer<typeof WizardOperation>;

/** Each wizard operation's JobOperation member: the one table joining the two names of an operation. */
export const sdkNameOf = {
  tagging: 'S3PutObjectTagging',
  deleteTagging: 'S3DeleteObjectTagging',
  copy: 'S3PutObjectCopy',
  acl: 'S3PutObjectAcl',
  replicate: 'S3ReplicateObject',
  restore: 'S3InitiateRestoreObject',
  lambda: 'LambdaInvoke',
  legalHold: 'S3PutObjectLegalHold',
  retention: 'S3PutObjectRetention',
  checksum: 'S3ComputeObjectChecksum',
  updateEncryption: 'S3UpdateObjectEncryption',
} as const satisfies Record<WizardOperation['type'], OperationName>;

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
