import type { JobOperation } from '@aws-sdk/client-s3-control';
import type { WizardOperation } from '@batchops/contracts';
import { acl } from './acl.js';
import { checksum } from './checksum.js';
import { copy } from './copy.js';
import { deleteTagging } from './delete-tagging.js';
import { lambda } from './lambda.js';
import { legalHold } from './legal-hold.js';
import type { AnyBffOperation, BffOperation, OperationType, SdkOperationName } from './operation-module.js';
import { replicate } from './replicate.js';
import { restore } from './restore.js';
import { retention } from './retention.js';
import { tagging } from './tagging.js';
import { updateEncryption } from './update-encryption.js';

/**
 * Every wizard operation's BFF module: a new WizardOperation member fails `tsc` here until it has one.
 * Its IAM needs are not here: the permissions table is keyed by `sdkName` (decision 0028).
 */
export const bffOperations: { readonly [T in OperationType]: AnyBffOperation<T> } = {
  tagging,
  deleteTagging,
  copy,
  acl,
  replicate,
  restore,
  lambda,
  legalHold,
  retention,
  checksum,
  updateEncryption,
};

// The compiler cannot tie a union member to its own entry, so the lookups widen to the common shape.
type Widened = BffOperation<OperationType, SdkOperationName>;
const bySdkName = new Map<string, Widened>(
  Object.values(bffOperations).map((m) => [m.sdkName, m as unknown as Widened]),
);

/** The wizard's operation → the JobOperation of CreateJob. */
export function toSdkOperation(op: WizardOperation): JobOperation {
  const m = bffOperations[op.type] as unknown as Widened;
  return { [m.sdkName]: m.toSdk(op as never) } as JobOperation;
}

/** The JobOperation member a job has (the first one set). */
export const sdkOperationName = (op: JobOperation | undefined): string | undefined =>
  Object.keys(op ?? {}).find((k) => (op as Record<string, unknown>)[k] !== undefined);

/** A job's JobOperation → the wizard's operation; null when no module reads it. */
export function fromSdkOperation(op: JobOperation | undefined): WizardOperation | null {
  const name = sdkOperationName(op);
  const m = name === undefined ? undefined : bySdkName.get(name);
  if (!m || !name) return null;
  return m.fromSdk((op as Record<string, unknown>)[name] as never);
}
