import type { JobOperation } from '@aws-sdk/client-s3-control';
import { JobError } from '../job-types.js';
import { computeObjectChecksum } from './compute-checksum.js';
import { initiateRestoreObject } from './initiate-restore.js';
import { lambdaInvoke } from './lambda-invoke.js';
import { setObjectLegalHold, setObjectRetention } from './object-lock.js';
import { deleteObjectTagging, putObjectTagging } from './object-tagging.js';
import type { OperationModule } from './operation.js';
import { putObjectAcl } from './put-object-acl.js';
import { putObjectCopy } from './put-object-copy.js';
import { replicateObject } from './replicate-object.js';
import { updateObjectEncryption } from './update-encryption.js';

// One module per operation of the model's JobOperation: a member the SDK adds fails `tsc` here until
// it has one (decision 0028).
const modules: { readonly [K in keyof JobOperation]-?: OperationModule<K> } = {
  S3PutObjectTagging: putObjectTagging,
  S3DeleteObjectTagging: deleteObjectTagging,
  S3PutObjectAcl: putObjectAcl,
  S3PutObjectCopy: putObjectCopy,
  S3InitiateRestoreObject: initiateRestoreObject,
  S3PutObjectLegalHold: setObjectLegalHold,
  S3PutObjectRetention: setObjectRetention,
  S3ComputeObjectChecksum: computeObjectChecksum,
  S3UpdateObjectEncryption: updateObjectEncryption,
  S3ReplicateObject: replicateObject,
  LambdaInvoke: lambdaInvoke,
};

const byName = new Map<string, OperationModule>(
  Object.values(modules).map((m) => [m.name, m as unknown as OperationModule]),
);

/** The one operation a job's Operation names, with its parameters. */
export function resolveOperation(operation: JobOperation | undefined): {
  module: OperationModule;
  params: NonNullable<JobOperation[keyof JobOperation]>;
} {
  const named = Object.entries(operation ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (named.length !== 1) {
    throw new JobError('BadRequestException', 'Operation: exactly one operation must be given');
  }
  const [name, params] = named[0] as [keyof JobOperation, NonNullable<JobOperation[keyof JobOperation]>];
  const module = byName.get(name);
  if (!module)
    throw new JobError('BadRequestException', `Operation: ${name} is not supported by local-aws yet`);
  return { module, params };
}
