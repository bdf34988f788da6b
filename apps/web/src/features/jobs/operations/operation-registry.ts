import type { WizardOperation } from '@batchops/contracts';
import type { RadioGroupProps } from '@cloudscape-design/components/radio-group';
import { acl } from './acl';
import { checksum } from './checksum';
import { copy } from './copy';
import { deleteTagging } from './delete-tagging';
import { lambda } from './lambda';
import { legalHold } from './legal-hold';
import type { DetailItem, OperationType, WebOperation } from './operation-module';
import { replicate } from './replicate';
import { restore } from './restore';
import { retention } from './retention';
import { tagging } from './tagging';
import { updateEncryption } from './update-encryption';

/**
 * Every wizard operation's console module, in the order of the S3 console's Choose operation step:
 * a new WizardOperation member fails `tsc` here until it has one (decision 0028).
 */
export const webOperations: { readonly [T in OperationType]: WebOperation<T> } = {
  copy,
  lambda,
  tagging,
  deleteTagging,
  acl,
  restore,
  retention,
  legalHold,
  replicate,
  checksum,
  updateEncryption,
};

// The compiler cannot tie a union member to its own entry, so lookups by a runtime type widen.
export const webOperationOf = (type: OperationType) => webOperations[type] as WebOperation<OperationType>;

export const allWebOperations = Object.values(webOperations) as readonly WebOperation<OperationType>[];

/** The Choose operation step's choices. */
export const operationChoices: RadioGroupProps.RadioButtonDefinition[] = allWebOperations.map((m) => ({
  value: m.type,
  label: m.label,
  description: m.description,
}));

/** Operation names as the S3 console shows them, by S3 Control's name (job list, job page). */
export { operationLabels } from '@batchops/contracts';

/** The operation's items in the Review step, its label first. */
export const operationReviewItems = (op: WizardOperation): DetailItem[] => {
  const m = webOperationOf(op.type);
  return [{ label: 'Operation', value: m.label }, ...m.reviewItems(op)];
};

/** The operation's items on the job page. */
export const operationModelItems = (op: WizardOperation): DetailItem[] =>
  webOperationOf(op.type).detailItems(op);

/** The wizard field of each `operation.<member>` error, from every module. */
export const operationErrorFields: Readonly<Record<string, string>> = Object.assign(
  Object.create(null),
  ...allWebOperations.map((m) => m.errorFields ?? {}),
);
