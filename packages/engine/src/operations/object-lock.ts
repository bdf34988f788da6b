import {
  GetObjectLockConfigurationCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
} from '@aws-sdk/client-s3';
import type { ManifestRow } from '@batchops/batch-formats';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf, type TaskContext } from './operation.js';

/** Per job and bucket, the lock configuration read (kept for the last few jobs only). */
const lockConfigReads = new Map<string, Promise<unknown>>();
const KEPT_READS = 256;

/**
 * Batch Operations reads each bucket's Object Lock configuration before it sets retention or a legal
 * hold (s3:GetBucketObjectLockConfiguration in the docs' policies, the permissions table's row); a
 * bucket without one is left to the put's own answer.
 */
function readLockConfiguration(ctx: TaskContext, bucket: string): Promise<unknown> {
  const id = `${ctx.jobId}/${bucket}`;
  let read = lockConfigReads.get(id);
  if (!read) {
    read = ctx.s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })).catch((e: Error) => {
      if (e.name !== 'ObjectLockConfigurationNotFoundError') throw e;
    });
    lockConfigReads.set(id, read);
    if (lockConfigReads.size > KEPT_READS)
      lockConfigReads.delete(lockConfigReads.keys().next().value as string);
  }
  return read;
}

/** The task's object version, as every lock-setting put names it. */
type VersionTarget = { Bucket: string; Key: string; VersionId: string | undefined };

/** Reads the bucket's lock configuration first, then sends the put built for the task's version. */
const lockSetting = (task: ManifestRow, ctx: TaskContext, put: (target: VersionTarget) => Promise<unknown>) =>
  outcomeOf(async () => {
    await readLockConfiguration(ctx, task.bucket);
    await put({ Bucket: task.bucket, Key: task.key, VersionId: task.versionId });
  });

const bad = (field: string, what: string) =>
  new JobError('BadRequestException', `Operation.${field}: ${what}`);

export const setObjectLegalHold: OperationModule<'S3PutObjectLegalHold'> = {
  name: 'S3PutObjectLegalHold',
  check(p) {
    const status = p.LegalHold?.Status;
    if (status !== 'ON' && status !== 'OFF') {
      throw bad('S3PutObjectLegalHold.LegalHold.Status', 'required, ON or OFF');
    }
  },
  run: (task, p, ctx) =>
    lockSetting(task, ctx, (target) =>
      ctx.s3.send(new PutObjectLegalHoldCommand({ ...target, LegalHold: { Status: p.LegalHold?.Status } })),
    ),
};

export const setObjectRetention: OperationModule<'S3PutObjectRetention'> = {
  name: 'S3PutObjectRetention',
  check(p) {
    if (!p.Retention) throw bad('S3PutObjectRetention.Retention', 'required');
    const { Mode, RetainUntilDate } = p.Retention;
    // Neither member removes the retention; one without the other means nothing.
    if ((Mode === undefined) !== (RetainUntilDate === undefined)) {
      throw bad(
        'S3PutObjectRetention.Retention',
        'give Mode and RetainUntilDate together (or neither, to remove the retention)',
      );
    }
    if (Mode !== undefined && Mode !== 'GOVERNANCE' && Mode !== 'COMPLIANCE') {
      throw bad('S3PutObjectRetention.Retention.Mode', 'must be GOVERNANCE or COMPLIANCE');
    }
    if (RetainUntilDate !== undefined && Number.isNaN(new Date(RetainUntilDate).getTime())) {
      throw bad('S3PutObjectRetention.Retention.RetainUntilDate', 'must be a date');
    }
  },
  run: (task, p, ctx) => {
    const { Mode, RetainUntilDate } = p.Retention ?? {};
    return lockSetting(task, ctx, (target) =>
      ctx.s3.send(
        new PutObjectRetentionCommand({
          ...target,
          Retention: Mode && RetainUntilDate ? { Mode, RetainUntilDate: new Date(RetainUntilDate) } : {},
          ...(p.BypassGovernanceRetention ? { BypassGovernanceRetention: true } : {}),
        }),
      ),
    );
  },
};
