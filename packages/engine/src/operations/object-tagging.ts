import { DeleteObjectTaggingCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

export const putObjectTagging: OperationModule<'S3PutObjectTagging'> = {
  name: 'S3PutObjectTagging',
  check(params) {
    if ((params.TagSet?.length ?? 0) > 10) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectTagging.TagSet: an object can have at most 10 tags',
      );
    }
  },
  run: (task, params, { s3 }) =>
    outcomeOf(() =>
      s3.send(
        new PutObjectTaggingCommand({
          Bucket: task.bucket,
          Key: task.key,
          VersionId: task.versionId,
          Tagging: { TagSet: (params.TagSet ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' })) },
        }),
      ),
    ),
};

export const deleteObjectTagging: OperationModule<'S3DeleteObjectTagging'> = {
  name: 'S3DeleteObjectTagging',
  run: (task, _params, { s3 }) =>
    outcomeOf(() =>
      s3.send(
        new DeleteObjectTaggingCommand({ Bucket: task.bucket, Key: task.key, VersionId: task.versionId }),
      ),
    ),
};
