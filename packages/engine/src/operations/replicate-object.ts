import type { OperationModule } from './operation.js';

// S3ReplicateObject (Batch Replication): replicate the listed version under the source bucket's
// current replication rules. S3 has no public call for it (AWS does it inside the service, allowed
// by s3:InitiateReplication on the job's role), so the engine asks its host through the in-process
// `replicate` dependency (decision 0017); a failure carries S3's replication failure reason
// (SrcBucketReplicationConfigMissing, DstBucketNotFound…) as the task's error code.

export const replicateObject: OperationModule<'S3ReplicateObject'> = {
  name: 'S3ReplicateObject',
  run: (task, _params, { replicate }) =>
    replicate({ bucket: task.bucket, key: task.key, versionId: task.versionId }),
};
