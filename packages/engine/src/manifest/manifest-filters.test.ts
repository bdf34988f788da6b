import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  encryptionMatches,
  keyNameMatches,
  listingMatches,
  needsHead,
  replicationStatusMatches,
  ruleCovers,
  selectsAllVersions,
} from './manifest-filters.js';

const c = (over: Partial<Candidate> = {}): Candidate => ({
  key: 'logs/2024/a.json',
  versionId: 'v1',
  isLatest: true,
  size: 100,
  lastModified: new Date('2024-06-01T00:00:00Z'),
  storageClass: 'STANDARD',
  ...over,
});

describe('manifest generator filters', () => {
  it('KeyNameConstraint: each given list needs a match', () => {
    const k = { MatchAnyPrefix: ['logs/', 'img/'], MatchAnySuffix: ['.json'] };
    expect(keyNameMatches(k, 'logs/a.json')).toBe(true);
    expect(keyNameMatches(k, 'logs/a.txt')).toBe(false);
    expect(keyNameMatches(k, 'tmp/a.json')).toBe(false);
    expect(keyNameMatches({ MatchAnySubstring: ['2024'] }, 'logs/2024/x')).toBe(true);
    expect(keyNameMatches(undefined, 'anything')).toBe(true);
  });

  it('listing filters: latest only unless replication, exclusive dates and sizes, storage class', () => {
    expect(listingMatches({}, c({ isLatest: false }))).toBe(false);
    expect(listingMatches({ EligibleForReplication: true }, c({ isLatest: false }))).toBe(true);
    expect(listingMatches({ CreatedAfter: new Date('2024-06-01T00:00:00Z') }, c())).toBe(false);
    expect(listingMatches({ CreatedBefore: new Date('2024-07-01T00:00:00Z') }, c())).toBe(true);
    expect(listingMatches({ ObjectSizeGreaterThanBytes: 100 }, c())).toBe(false);
    expect(listingMatches({ ObjectSizeLessThanBytes: 101 }, c())).toBe(true);
    expect(listingMatches({ MatchAnyStorageClass: ['GLACIER'] }, c())).toBe(false);
    expect(listingMatches({ MatchAnyStorageClass: ['STANDARD'] }, c())).toBe(true);
  });

  it('replication status and encryption come from HeadObject, needed only when filtered on', () => {
    expect(needsHead({})).toBe(false);
    expect(needsHead({ ObjectReplicationStatuses: ['NONE'] })).toBe(true);
    expect(needsHead({ MatchAnyObjectEncryption: [{ SSES3: {} }] })).toBe(true);
    expect(selectsAllVersions({ ObjectReplicationStatuses: ['FAILED'] })).toBe(true);
    expect(replicationStatusMatches({ ObjectReplicationStatuses: ['NONE'] }, undefined)).toBe(true);
    expect(replicationStatusMatches({ ObjectReplicationStatuses: ['COMPLETED'] }, 'COMPLETE')).toBe(true);
    expect(replicationStatusMatches({ ObjectReplicationStatuses: ['FAILED'] }, 'PENDING')).toBe(false);
    expect(encryptionMatches({ SSES3: {} }, undefined)).toBe(true);
    expect(
      encryptionMatches({ SSEKMS: { KmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k' } }, 'AES256'),
    ).toBe(false);
    expect(encryptionMatches({ NOTSSE: {} }, undefined)).toBe(false);
    expect(encryptionMatches(undefined, 'aws:kms')).toBe(true);
  });

  it('a replication rule covers a key by prefix and, for tag filters, by tags', async () => {
    const tags = async () => new Map([['team', 'a']]);
    expect(ruleCovers({ Status: 'Disabled', Prefix: '' }, 'k', tags)).toBe(false);
    expect(ruleCovers({ Status: 'Enabled', Filter: { Prefix: 'logs/' } }, 'img/x', tags)).toBe(false);
    expect(ruleCovers({ Status: 'Enabled', Filter: { Prefix: 'logs/' } }, 'logs/x', tags)).toBe(true);
    await expect(
      ruleCovers({ Status: 'Enabled', Filter: { Tag: { Key: 'team', Value: 'a' } } }, 'x', tags),
    ).resolves.toBe(true);
    await expect(
      ruleCovers({ Status: 'Enabled', Filter: { And: { Tags: [{ Key: 'team', Value: 'b' }] } } }, 'x', tags),
    ).resolves.toBe(false);
  });
});
