import { el, opt, type XmlElement } from '../xml/xml-writer.js';
import type {
  EnabledStatus,
  ReplicationConfiguration,
  ReplicationDestination,
  ReplicationRuleFilter,
  ReplicationTag,
} from './replication-config.js';

// GetBucketReplication's document, written from the stored configuration.

const tagEl = (t: ReplicationTag) => el('Tag', el('Key', t.Key), el('Value', t.Value));
const statusEl = (name: string, s: { Status?: EnabledStatus } | undefined) =>
  s === undefined ? null : el(name, opt('Status', s.Status));
const minutesEl = (name: string, m: { Minutes?: number } | undefined) =>
  m === undefined ? null : el(name, opt('Minutes', m.Minutes));

function filterEl(f: ReplicationRuleFilter | undefined): XmlElement | null {
  if (f === undefined) return null;
  return el(
    'Filter',
    opt('Prefix', f.Prefix),
    f.Tag ? tagEl(f.Tag) : null,
    f.And ? el('And', opt('Prefix', f.And.Prefix), f.And.Tags.map(tagEl)) : null,
  );
}

function destinationEl(d: ReplicationDestination): XmlElement {
  return el(
    'Destination',
    el('Bucket', d.Bucket),
    opt('Account', d.Account),
    opt('StorageClass', d.StorageClass),
    d.AccessControlTranslation
      ? el('AccessControlTranslation', el('Owner', d.AccessControlTranslation.Owner))
      : null,
    d.EncryptionConfiguration
      ? el('EncryptionConfiguration', opt('ReplicaKmsKeyID', d.EncryptionConfiguration.ReplicaKmsKeyID))
      : null,
    d.ReplicationTime
      ? el(
          'ReplicationTime',
          el('Status', d.ReplicationTime.Status),
          minutesEl('Time', d.ReplicationTime.Time),
        )
      : null,
    d.Metrics
      ? el('Metrics', el('Status', d.Metrics.Status), minutesEl('EventThreshold', d.Metrics.EventThreshold))
      : null,
  );
}

/** The children of <ReplicationConfiguration>, in the model's member order. */
export function replicationConfigXml(cfg: ReplicationConfiguration): XmlElement[] {
  return [
    el('Role', cfg.Role),
    ...cfg.Rules.map((r) =>
      el(
        'Rule',
        el('ID', r.ID),
        opt('Priority', r.Priority),
        opt('Prefix', r.Prefix),
        filterEl(r.Filter),
        el('Status', r.Status),
        r.SourceSelectionCriteria
          ? el(
              'SourceSelectionCriteria',
              statusEl('SseKmsEncryptedObjects', r.SourceSelectionCriteria.SseKmsEncryptedObjects),
              statusEl('ReplicaModifications', r.SourceSelectionCriteria.ReplicaModifications),
            )
          : null,
        statusEl('ExistingObjectReplication', r.ExistingObjectReplication),
        destinationEl(r.Destination),
        statusEl('DeleteMarkerReplication', r.DeleteMarkerReplication),
      ),
    ),
  ];
}
