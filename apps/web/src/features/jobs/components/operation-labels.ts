import type { OperationName } from '@batchops/contracts';

/** Operation names as the S3 console shows them. */
export const operationLabels: Record<OperationName, string> = {
  LambdaInvoke: 'Invoke AWS Lambda function',
  S3PutObjectCopy: 'Copy',
  S3PutObjectAcl: 'Replace access control list (ACL)',
  S3PutObjectTagging: 'Replace all object tags',
  S3DeleteObjectTagging: 'Delete all object tags',
  S3InitiateRestoreObject: 'Restore',
  S3PutObjectLegalHold: 'Object Lock legal hold',
  S3PutObjectRetention: 'Object Lock retention',
  S3ReplicateObject: 'Replicate',
  S3ComputeObjectChecksum: 'Compute checksum',
  S3UpdateObjectEncryption: 'Update object encryption',
};
