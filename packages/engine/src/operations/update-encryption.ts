import { UpdateObjectEncryptionCommand } from '@aws-sdk/client-s3';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

/** NonEmptyKmsKeyArnString of the S3 Control model (20–2048 characters, this pattern, whole). */
const KMS_KEY_ARN = /^arn:aws[a-zA-Z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[a-zA-Z0-9-]+$/;

export const updateObjectEncryption: OperationModule<'S3UpdateObjectEncryption'> = {
  name: 'S3UpdateObjectEncryption',
  check(p) {
    const kms = p.ObjectEncryption?.SSEKMS;
    if (!kms) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3UpdateObjectEncryption.ObjectEncryption: give the new encryption, SSE-KMS (the only type it can change objects to)',
      );
    }
    const arn = kms.KMSKeyArn;
    if (typeof arn !== 'string' || arn.length < 20 || arn.length > 2048 || !KMS_KEY_ARN.test(arn)) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3UpdateObjectEncryption.ObjectEncryption.SSE-KMS.KMSKeyArn: must be a full KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>; key IDs and aliases are not accepted)',
      );
    }
  },
  run: (task, p, { s3 }) => {
    const kms = p.ObjectEncryption?.SSEKMS;
    return outcomeOf(() =>
      s3.send(
        new UpdateObjectEncryptionCommand({
          Bucket: task.bucket,
          Key: task.key,
          VersionId: task.versionId,
          ObjectEncryption: {
            SSEKMS: {
              KMSKeyArn: kms?.KMSKeyArn,
              ...(kms?.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: kms.BucketKeyEnabled } : {}),
            },
          },
        }),
      ),
    );
  },
};
