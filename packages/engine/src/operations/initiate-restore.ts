import { RestoreObjectCommand, type Tier } from '@aws-sdk/client-s3';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

const TIERS: Readonly<Record<string, Tier>> = { BULK: 'Bulk', STANDARD: 'Standard' };

export const initiateRestoreObject: OperationModule<'S3InitiateRestoreObject'> = {
  name: 'S3InitiateRestoreObject',
  check(p) {
    const days = p.ExpirationInDays;
    // S3 Glacier / Deep Archive restores need ExpirationInDays >= 1; leaving it out is for the
    // Intelligent-Tiering archive tiers, which local-aws does not have, so no task could succeed.
    if (days === undefined || days === null || !Number.isInteger(days) || days < 1) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3InitiateRestoreObject.ExpirationInDays: must be an integer of 1 or more to restore S3 Glacier Flexible Retrieval and S3 Glacier Deep Archive objects',
      );
    }
    if (p.GlacierJobTier !== undefined && !(p.GlacierJobTier in TIERS)) {
      throw new JobError(
        'BadRequestException',
        `Operation.S3InitiateRestoreObject.GlacierJobTier: must be BULK or STANDARD (Batch Operations does not restore with the EXPEDITED tier), not ${String(p.GlacierJobTier)}`,
      );
    }
  },
  run: (task, p, { s3 }) =>
    outcomeOf(() =>
      s3.send(
        new RestoreObjectCommand({
          Bucket: task.bucket,
          Key: task.key,
          VersionId: task.versionId,
          RestoreRequest: {
            Days: p.ExpirationInDays,
            GlacierJobParameters: { Tier: TIERS[p.GlacierJobTier ?? 'STANDARD'] ?? 'Standard' },
          },
        }),
      ),
    ),
};
