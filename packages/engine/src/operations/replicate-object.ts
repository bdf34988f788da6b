import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { type OperationModule, outcomeOf } from './operation.js';

// S3ReplicateObject (Batch Replication): replicate the listed version under the source bucket's
// current replication rules. S3 has no public call for it (AWS does it inside the service, allowed
// by s3:InitiateReplication), so local-aws serves a local-only one (decision 0017):
// `POST /{Bucket}/{Key}?versionId=…` with `x-batchops-replicate: true`, sent here as a HeadObject
// request whose method and header this middleware changes — the SDK still signs it and reads the
// error code (SrcBucketReplicationConfigMissing, DstBucketNotFound…) from the S3 error body.

export const replicateObject: OperationModule<'S3ReplicateObject'> = {
  name: 'S3ReplicateObject',
  run: (task, _params, { s3 }) =>
    outcomeOf(() => {
      const command = new HeadObjectCommand({
        Bucket: task.bucket,
        Key: task.key,
        VersionId: task.versionId,
      });
      command.middlewareStack.add(
        (next) => (args) => {
          const request = args.request as { method?: string; headers?: Record<string, string> };
          request.method = 'POST';
          if (request.headers) request.headers['x-batchops-replicate'] = 'true';
          return next(args);
        },
        { step: 'build', name: 'batchopsReplicateObject' },
      );
      return s3.send(command);
    }),
};
