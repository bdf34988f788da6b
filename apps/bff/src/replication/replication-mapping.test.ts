import type { ReplicationRule as SdkRule } from '@aws-sdk/client-s3';
import type { ReplicationRule } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { revisionOf, toRuleView, toSdkRule } from './replication-mapping.js';

const form: ReplicationRule = {
  id: 'r1',
  status: 'Enabled',
  priority: 3,
  scope: { type: 'all' },
  destinationBucket: 'dst',
  storageClass: null,
  deleteMarkerReplication: false,
  replicaModifications: false,
};

describe('replication rule mapping', () => {
  it('writes the whole-bucket scope as an empty Filter, a prefix, a tag, or And', () => {
    const filter = (scope: ReplicationRule['scope']) => toSdkRule({ ...form, scope }).Filter;
    expect(filter({ type: 'all' })).toEqual({});
    expect(filter({ type: 'filter', prefix: 'p/', tags: [] })).toEqual({ Prefix: 'p/' });
    expect(filter({ type: 'filter', prefix: '', tags: [{ key: 'k', value: 'v' }] })).toEqual({
      Tag: { Key: 'k', Value: 'v' },
    });
    expect(filter({ type: 'filter', prefix: 'p/', tags: [{ key: 'k', value: 'v' }] })).toEqual({
      And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }] },
    });
  });

  it('keeps settings the form does not edit, drops the V1 Prefix, and round-trips', () => {
    const stored = {
      ID: 'r1',
      Prefix: 'old/',
      Status: 'Enabled',
      Destination: { Bucket: 'arn:aws:s3:::old', Metrics: { Status: 'Enabled' }, StorageClass: 'GLACIER' },
      SourceSelectionCriteria: {
        SseKmsEncryptedObjects: { Status: 'Enabled' },
        ReplicaModifications: { Status: 'Enabled' },
      },
    } as SdkRule;
    const out = toSdkRule(form, stored);
    expect(out).toEqual({
      ID: 'r1',
      Priority: 3,
      Status: 'Enabled',
      Filter: {},
      Destination: { Bucket: 'arn:aws:s3:::dst', Metrics: { Status: 'Enabled' } },
      DeleteMarkerReplication: { Status: 'Disabled' },
      SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
    });
    expect(toRuleView(out, 0)).toEqual({
      rule: form,
      otherSettings: ['Replication metrics', 'KMS encryption'],
    });
  });

  it('reads a V1 rule (top-level Prefix, no ID) and digests configurations', () => {
    const v1 = { Prefix: 'logs/', Status: 'Disabled', Destination: { Bucket: 'arn:aws:s3:::d' } } as SdkRule;
    expect(toRuleView(v1, 4).rule).toMatchObject({
      id: 'rule-5',
      status: 'Disabled',
      scope: { type: 'filter', prefix: 'logs/', tags: [] },
      destinationBucket: 'd',
    });
    expect(revisionOf(undefined)).toBeNull();
    const a = revisionOf({ Role: 'r', Rules: [v1] });
    expect(a).toBe(revisionOf({ Role: 'r', Rules: [{ ...v1 }] }));
    expect(a).not.toBe(revisionOf({ Role: 'r', Rules: [{ ...v1, Status: 'Enabled' }] }));
  });
});
