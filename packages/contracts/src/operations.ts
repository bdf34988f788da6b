// One file per operation's contract: adding an operation is a member of WizardOperation and its row in sdkNameOf.

import type { JobOperation } from '@aws-sdk/client-s3-control';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  COMPOSITE_CHECKSUM_ALGORITHMS,
} from '@batchops/batch-formats';
import { z } from 'zod';
import { S3Tag, tagLimits } from './tags.js';

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

const objectTags = z.array(S3Tag).max(tagLimits.object, `an object has at most ${tagLimits.object} tags`);

export const glacierJobTiers = ['BULK', 'STANDARD'] as const;

/** The model's ComputeObjectChecksumAlgorithm values (batch-formats' list). */
export const checksumAlgorithms = CHECKSUM_ALGORITHMS;
export type { ChecksumAlgorithm };

/**
 * The checksum types S3 computes for an algorithm: every algorithm over the full object; COMPOSITE
 * (a checksum of the part checksums) only for CRC32, CRC32C, SHA-1 and SHA-256, as S3 defines it for
 * multipart objects (the engine's rule too, decision 0020).
 */
export function checksumTypesOf(algorithm: ChecksumAlgorithm): ('FULL_OBJECT' | 'COMPOSITE')[] {
  return COMPOSITE_CHECKSUM_ALGORITHMS.includes(algorithm) ? ['FULL_OBJECT', 'COMPOSITE'] : ['FULL_OBJECT'];
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

/**
 * Each wizard operation's S3 Control name (JobOperation member): the one table joining the two names
 * of an operation, in the model's order; `operationNames` and `OperationName` are derived from it.
 */
export const sdkNameOf = {
  lambda: 'LambdaInvoke',
  copy: 'S3PutObjectCopy',
  acl: 'S3PutObjectAcl',
  tagging: 'S3PutObjectTagging',
  deleteTagging: 'S3DeleteObjectTagging',
  restore: 'S3InitiateRestoreObject',
  legalHold: 'S3PutObjectLegalHold',
  retention: 'S3PutObjectRetention',
  replicate: 'S3ReplicateObject',
  checksum: 'S3ComputeObjectChecksum',
  updateEncryption: 'S3UpdateObjectEncryption',
} as const satisfies Record<WizardOperation['type'], string>;

/**
 * Each operation's name as the S3 console shows it (the wizard's choice, the job list, the job page):
 * here, not in the console's operation modules, so the job list reads it without loading their forms.
 */
export const operationLabelOf = {
  lambda: 'Invoke AWS Lambda function',
  copy: 'Copy',
  acl: 'Replace access control list (ACL)',
  tagging: 'Replace all object tags',
  deleteTagging: 'Delete all object tags',
  restore: 'Restore',
  legalHold: 'Object Lock legal hold',
  retention: 'Object Lock retention',
  replicate: 'Replicate',
  checksum: 'Compute checksum',
  updateEncryption: 'Update object encryption',
} as const satisfies Record<WizardOperation['type'], string>;

// Every JobOperation member of the SDK's S3 Control model has its row above: a member a new SDK release
// adds fails `tsc` here, naming it, until the wizard knows it (decision 0028). Types only: the SDK
// stays out of the console's bundle.
type UnknownToWizard = Exclude<keyof JobOperation, (typeof sdkNameOf)[keyof typeof sdkNameOf]>;
const everySdkOperationHasARow: [UnknownToWizard] extends [never] ? true : UnknownToWizard = true;
void everySdkOperationHasARow;

/** OperationName of the S3 Control model: every operation a job can run. */
export type OperationName = (typeof sdkNameOf)[keyof typeof sdkNameOf];
export const operationNames = Object.values(sdkNameOf) as [OperationName, ...OperationName[]];
export const OperationName = z.enum(operationNames);

/** The S3 console's name of each S3 Control operation. */
export const operationLabels = Object.fromEntries(
  Object.entries(sdkNameOf).map(([type, name]) => [name, operationLabelOf[type as WizardOperation['type']]]),
) as Record<OperationName, string>;
