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

// One module per operation of the model's JobOperation; a name without one is refused at CreateJob.
const modules: readonly OperationModule[] = [
  putObjectTagging,
  deleteObjectTagging,
  putObjectAcl,
  putObjectCopy,
  initiateRestoreObject,
  setObjectLegalHold,
  setObjectRetention,
  computeObjectChecksum,
  updateObjectEncryption,
  replicateObject,
  lambdaInvoke,
] as readonly OperationModule[];

const byName = new Map(modules.map((m) => [m.name, m]));

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
