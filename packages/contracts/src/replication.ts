import { WRITABLE_STORAGE_CLASSES } from '@batchops/batch-formats';
import { z } from 'zod';
import { ReplicationStatusFilter, RoleArn } from './job-wizard.js';
import { S3Tag } from './tags.js';

const destinationBucket = z
  .string()
  .min(3, 'choose a destination bucket')
  .max(63, 'a bucket name has 3 to 63 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'not a valid bucket name');

/** Destination storage classes S3 replication accepts (what a write to a general purpose bucket takes). */
export const REPLICATION_STORAGE_CLASSES = WRITABLE_STORAGE_CLASSES;

/** Which objects a rule applies to: the whole bucket, or a prefix and/or tags. */
export const RuleScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({
    type: z.literal('filter'),
    prefix: z.string().max(1024, 'at most 1024 characters').default(''),
    tags: z.array(S3Tag).max(10, 'at most 10 tags').default([]),
  }),
]);
export type RuleScope = z.infer<typeof RuleScope>;

/** One replication rule as the console's form edits it. */
export const ReplicationRule = z
  .object({
    id: z.string().min(1, 'enter a rule name').max(255, 'at most 255 characters'),
    status: z.enum(['Enabled', 'Disabled']),
    priority: z.number().int('a whole number').min(0, 'at least 0').max(2147483647),
    scope: RuleScope,
    destinationBucket,
    /** null: the same storage class as the source object. */
    storageClass: z.enum(REPLICATION_STORAGE_CLASSES).nullable(),
    deleteMarkerReplication: z.boolean(),
    replicaModifications: z.boolean(),
  })
  .superRefine((r, ctx) => {
    if (r.scope.type !== 'filter') return;
    if (r.scope.prefix === '' && r.scope.tags.length === 0)
      ctx.addIssue({ code: 'custom', path: ['scope', 'prefix'], message: 'enter a prefix or add a tag' });
    const seen = new Set<string>();
    r.scope.tags.forEach((t, i) => {
      if (seen.has(t.key))
        ctx.addIssue({
          code: 'custom',
          path: ['scope', 'tags', i, 'key'],
          message: 'tag keys must be unique',
        });
      seen.add(t.key);
    });
    if (r.scope.tags.length > 0 && r.deleteMarkerReplication)
      ctx.addIssue({
        code: 'custom',
        path: ['deleteMarkerReplication'],
        message: 'delete marker replication is not supported with a tag filter',
      });
  });
export type ReplicationRule = z.infer<typeof ReplicationRule>;
export type ReplicationRuleInput = z.input<typeof ReplicationRule>;

/** A rule as read: the form's fields, plus whether settings the form does not edit are set. */
export const ReplicationRuleView = z.object({
  rule: ReplicationRule,
  /** Replication Time Control, metrics, KMS, owner override, other account: kept as they are on save. */
  otherSettings: z.array(z.string()),
});
export type ReplicationRuleView = z.infer<typeof ReplicationRuleView>;

/** GET /api/buckets/:bucket/replication. */
export const ReplicationConfigResponse = z.object({
  bucket: z.string(),
  /** null: the bucket has no replication configuration. */
  role: z.string().nullable(),
  rules: z.array(ReplicationRuleView),
  /** A digest of the configuration as read; saves send it back, so a change made meanwhile is not lost. */
  revision: z.string().nullable(),
});
export type ReplicationConfigResponse = z.infer<typeof ReplicationConfigResponse>;

/** Create (POST …/replication/rules) or replace (PUT …/replication/rules/:ruleId) one rule. */
export const SaveReplicationRuleRequest = z.object({
  rule: ReplicationRule,
  /** The configuration's IAM role (S3 has one role for all the rules of a bucket). */
  role: RoleArn,
  /** The revision the form was opened on (null: there was no configuration). */
  revision: z.string().nullable(),
});
export type SaveReplicationRuleRequest = z.infer<typeof SaveReplicationRuleRequest>;

export const DeleteReplicationRuleQuery = z.object({
  revision: z.string().min(1, 'the revision is required'),
});
export type DeleteReplicationRuleQuery = z.infer<typeof DeleteReplicationRuleQuery>;

export const RuleIdParams = z.object({ ruleId: z.string().min(1).max(255) });

export const SaveReplicationRuleResponse = z.object({
  configuration: ReplicationConfigResponse,
  /** The first rule of a new configuration, or a destination no other rule had: offer Batch Replication. */
  offerReplicateExisting: z.boolean(),
});
export type SaveReplicationRuleResponse = z.infer<typeof SaveReplicationRuleResponse>;

/** The Batch Operations filter's replication statuses (NONE: never attempted). */
const bucketName = z
  .string()
  .min(3, 'choose a bucket')
  .max(63, 'a bucket name has 3 to 63 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'not a valid bucket name');
const prefix = z.string().max(512, 'at most 512 characters').default('');

/** The Batch Replication job settings (the "Replicate existing objects?" flow and "Create Batch Replication job"). */
export const BatchReplicationJobRequest = z
  .object({
    /** auto: ConfirmationRequired=false (the job runs when ready); wait: it waits to be run. */
    runOption: z.enum(['auto', 'wait']),
    manifest: z.object({ save: z.boolean(), bucket: bucketName.optional(), prefix }),
    report: z.object({
      enabled: z.boolean(),
      scope: z.enum(['FailedTasksOnly', 'AllTasks']),
      bucket: bucketName.optional(),
      prefix,
    }),
    /** Empty: every eligible object whatever its status. */
    replicationStatuses: z.array(ReplicationStatusFilter).max(4),
    roleArn: RoleArn,
    description: z.string().max(256, 'at most 256 characters').optional(),
    priority: z.number().int().min(0).max(2147483647).default(10),
    /** Kept by the SPA across retries: one job however often the create is retried. */
    clientRequestToken: z.string().min(1).max(64),
  })
  .superRefine((j, ctx) => {
    if (j.manifest.save && j.runOption === 'auto')
      ctx.addIssue({
        code: 'custom',
        path: ['manifest', 'save'],
        message: 'to save the manifest, choose "Job waits to be run when ready"',
      });
    if (j.manifest.save && !j.manifest.bucket)
      ctx.addIssue({
        code: 'custom',
        path: ['manifest', 'bucket'],
        message: 'choose where the manifest is saved',
      });
    if (j.report.enabled && !j.report.bucket)
      ctx.addIssue({
        code: 'custom',
        path: ['report', 'bucket'],
        message: 'choose where the report is written',
      });
    if (new Set(j.replicationStatuses).size !== j.replicationStatuses.length)
      ctx.addIssue({ code: 'custom', path: ['replicationStatuses'], message: 'each status at most once' });
  });
export type BatchReplicationJobRequest = z.infer<typeof BatchReplicationJobRequest>;
export type BatchReplicationJobInput = z.input<typeof BatchReplicationJobRequest>;
