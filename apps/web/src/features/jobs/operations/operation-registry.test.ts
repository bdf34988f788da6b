import { sdkNameOf, WizardOperation } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { emptyWizardForm } from '../components/create-job-wizard/empty-wizard-form';
import type { OperationOf, OperationType } from './operation-module';
import {
  operationChoices,
  operationLabels,
  operationReviewItems,
  webOperationOf,
  webOperations,
} from './operation-registry';

/** One operation of each type, as a cloned job would bring it. */
const samples: { [T in OperationType]: OperationOf<T> } = {
  copy: {
    type: 'copy',
    targetBucket: 'dst',
    targetKeyPrefix: 'copies/',
    storageClass: 'GLACIER_IR',
    metadataDirective: 'REPLACE',
    metadata: { owner: 'me' },
    tags: [{ key: 'k', value: 'v' }],
    cannedAcl: 'private',
  },
  lambda: {
    type: 'lambda',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    functionVersion: 'live',
    invocationSchemaVersion: '2.0',
    userArguments: [{ key: 'mode', value: 'fast' }],
  },
  tagging: { type: 'tagging', tags: [{ key: 'a', value: 'b' }] },
  deleteTagging: { type: 'deleteTagging' },
  acl: { type: 'acl', cannedAcl: 'bucket-owner-full-control' },
  restore: { type: 'restore', glacierJobTier: 'STANDARD' },
  retention: {
    type: 'retention',
    action: 'set',
    mode: 'COMPLIANCE',
    retainUntilDate: '2031-02-03T00:00:00.000Z',
    bypassGovernanceRetention: false,
  },
  legalHold: { type: 'legalHold', status: 'OFF' },
  replicate: { type: 'replicate' },
  checksum: { type: 'checksum', algorithm: 'SHA256', checksumType: 'COMPOSITE' },
  updateEncryption: {
    type: 'updateEncryption',
    kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k1',
    bucketKeyEnabled: false,
  },
};

describe('the console operation registry', () => {
  it.each(Object.values(samples))('$type: the form it fills gives the same operation back', (op) => {
    const m = webOperationOf(op.type);
    const form = { ...emptyWizardForm('us-east-1', ''), operation: op.type, ...m.fromModel(op) };
    expect(WizardOperation.parse(m.toModel(form))).toEqual(op);
  });

  it('offers every operation once, labelled as the job list names it', () => {
    expect(operationChoices.map((c) => c.value)).toEqual(Object.keys(webOperations));
    for (const [type, m] of Object.entries(webOperations))
      expect(operationLabels[sdkNameOf[type as OperationType]]).toBe(m.label);
  });

  it('reviews an operation with its label first', () => {
    expect(operationReviewItems(samples.legalHold)).toEqual([
      { label: 'Operation', value: 'Object Lock legal hold' },
      { label: 'Legal hold', value: 'Disable (OFF)' },
    ]);
  });
});
