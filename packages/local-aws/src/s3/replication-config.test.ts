import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors/service-error.js';
import type { BucketRow } from '../store/s3-rows.js';
import { el, renderXml } from '../xml/xml-writer.js';
import {
  checkReplicationBuckets,
  parseReplicationConfig,
  type ReplicationConfiguration,
  readReplicationConfig,
} from './replication-config.js';
import { replicationConfigXml } from './replication-config-xml.js';

const ROLE = '<Role>arn:aws:iam::000000000000:role/replication</Role>';
const DEST = '<Destination><Bucket>arn:aws:s3:::dest</Bucket></Destination>';

const doc = (...rules: string[]) =>
  `<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${ROLE}${rules.join('')}</ReplicationConfiguration>`;

const v2Rule = (id: string, priority: number, filter = '<Filter><Prefix>a/</Prefix></Filter>', extra = '') =>
  `<Rule><ID>${id}</ID><Priority>${priority}</Priority>${filter}<Status>Enabled</Status>${DEST}<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>${extra}</Rule>`;

function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

const bucket = (name: string, versioning: BucketRow['versioning']): BucketRow => ({
  name,
  region: 'us-east-1',
  created: 0,
  owner: '000000000000',
  versioning,
  objectLock: false,
  config: {},
});

describe('parseReplicationConfig accepts', () => {
  it('a V1 rule with a rule-level prefix, generating an ID when none is given', () => {
    const cfg = parseReplicationConfig(
      doc(`<Rule><Prefix>logs/</Prefix><Status>Enabled</Status>${DEST}</Rule>`),
      () => 'generated-id',
    );
    expect(cfg).toEqual({
      Role: 'arn:aws:iam::000000000000:role/replication',
      Rules: [
        {
          ID: 'generated-id',
          Prefix: 'logs/',
          Status: 'Enabled',
          Destination: { Bucket: 'arn:aws:s3:::dest' },
        },
      ],
    });
  });

  it('generates distinct random IDs by default', () => {
    const body = doc(v2Rule('', 1), v2Rule('', 2, '<Filter><Prefix>b/</Prefix></Filter>'));
    const [a, b] = parseReplicationConfig(body).Rules;
    expect(a?.ID).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(a?.ID).not.toBe(b?.ID);
  });

  it('a V2 multi-rule configuration with And filters, RTC and metrics, rendered back in model order', () => {
    const body = doc(
      v2Rule(
        'tagged',
        1,
        '<Filter><And><Prefix>docs/</Prefix><Tag><Key>team</Key><Value>red</Value></Tag><Tag><Key>tier</Key><Value>1</Value></Tag></And></Filter>',
      ),
      `<Rule><ID>all</ID><Priority>2</Priority><Filter></Filter><Status>Disabled</Status><ExistingObjectReplication><Status>Enabled</Status></ExistingObjectReplication><Destination><Bucket>arn:aws:s3:::dest</Bucket><StorageClass>STANDARD_IA</StorageClass><ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time></ReplicationTime><Metrics><Status>Enabled</Status><EventThreshold><Minutes>15</Minutes></EventThreshold></Metrics></Destination><DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication></Rule>`,
    );
    const cfg = parseReplicationConfig(body);
    expect(cfg.Rules[0]?.Filter).toEqual({
      And: {
        Prefix: 'docs/',
        Tags: [
          { Key: 'team', Value: 'red' },
          { Key: 'tier', Value: '1' },
        ],
      },
    });
    expect(cfg.Rules[1]).toMatchObject({
      ID: 'all',
      Priority: 2,
      Filter: {},
      Status: 'Disabled',
      Destination: {
        StorageClass: 'STANDARD_IA',
        ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
        Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
      },
    });
    const xml = renderXml(el('ReplicationConfiguration', ...replicationConfigXml(cfg)));
    expect(xml).toContain(
      '<Rule><ID>tagged</ID><Priority>1</Priority><Filter><And><Prefix>docs/</Prefix><Tag><Key>team</Key><Value>red</Value></Tag><Tag><Key>tier</Key><Value>1</Value></Tag></And></Filter><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::dest</Bucket></Destination><DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>',
    );
    expect(xml).toContain(
      '<ExistingObjectReplication><Status>Enabled</Status></ExistingObjectReplication><Destination><Bucket>arn:aws:s3:::dest</Bucket><StorageClass>STANDARD_IA</StorageClass><ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time></ReplicationTime><Metrics>',
    );
    // What was rendered parses back to the same configuration.
    expect(parseReplicationConfig(xml)).toEqual(cfg);
  });
});

describe('parseReplicationConfig refuses', () => {
  const cases: Array<[string, string, string, RegExp?]> = [
    ['not well-formed XML', '<ReplicationConfiguration><Role>x</Role>', 'MalformedXML'],
    [
      'a missing Role',
      `<ReplicationConfiguration><Rule><Prefix/><Status>Enabled</Status>${DEST}</Rule></ReplicationConfiguration>`,
      'MalformedXML',
    ],
    ['no rules', doc(), 'MalformedXML'],
    [
      '1001 rules',
      doc(...Array.from({ length: 1001 }, (_, i) => v2Rule(`r${i}`, i))),
      'InvalidArgument',
      /1000/,
    ],
    [
      'an ID over 255 characters',
      doc(`<Rule><ID>${'x'.repeat(256)}</ID><Prefix/><Status>Enabled</Status>${DEST}</Rule>`),
      'InvalidArgument',
      /255/,
    ],
    ['duplicate rule IDs', doc(v2Rule('same', 1), v2Rule('same', 2)), 'InvalidArgument', /unique/],
    [
      'a V2 rule without Priority',
      doc(
        `<Rule><Filter><Prefix/></Filter><Status>Enabled</Status>${DEST}<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>`,
      ),
      'InvalidRequest',
      /Priority must be specified/,
    ],
    ['duplicate priorities', doc(v2Rule('a', 1), v2Rule('b', 1)), 'InvalidRequest', /same priority 1/],
    [
      'a V2 rule without DeleteMarkerReplication',
      doc(`<Rule><Priority>1</Priority><Filter><Prefix/></Filter><Status>Enabled</Status>${DEST}</Rule>`),
      'InvalidRequest',
      /DeleteMarkerReplication must be specified/,
    ],
    [
      'two V1 rules without priorities',
      doc(
        `<Rule><ID>a</ID><Prefix>a</Prefix><Status>Enabled</Status>${DEST}</Rule>`,
        `<Rule><ID>b</ID><Prefix>b</Prefix><Status>Enabled</Status>${DEST}</Rule>`,
      ),
      'InvalidRequest',
      /Priority/,
    ],
    [
      'a Filter with both Prefix and Tag',
      doc(v2Rule('a', 1, '<Filter><Prefix>p</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter>')),
      'MalformedXML',
      /exactly one/,
    ],
    [
      'a rule with both Prefix and Filter',
      doc(
        `<Rule><Priority>1</Priority><Prefix>p</Prefix><Filter><Prefix/></Filter><Status>Enabled</Status>${DEST}<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>`,
      ),
      'MalformedXML',
    ],
    [
      'a Tag filter with delete marker replication enabled',
      doc(
        `<Rule><Priority>1</Priority><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status>${DEST}<DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication></Rule>`,
      ),
      'InvalidRequest',
      /Tag filter/,
    ],
    [
      'an And filter with delete marker replication enabled',
      doc(
        `<Rule><Priority>1</Priority><Filter><And><Prefix>p</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And></Filter><Status>Enabled</Status>${DEST}<DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication></Rule>`,
      ),
      'InvalidRequest',
      /Tag filter/,
    ],
    [
      'a Status other than Enabled|Disabled',
      doc(`<Rule><Prefix/><Status>On</Status>${DEST}</Rule>`),
      'MalformedXML',
      /Status/,
    ],
    [
      'a destination that is not a bucket ARN',
      doc('<Rule><Prefix/><Status>Enabled</Status><Destination><Bucket>dest</Bucket></Destination></Rule>'),
      'InvalidArgument',
      /ARN/,
    ],
    [
      'a storage class outside the model enum',
      doc(
        '<Rule><Prefix/><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::dest</Bucket><StorageClass>COLD</StorageClass></Destination></Rule>',
      ),
      'MalformedXML',
      /StorageClass/,
    ],
    [
      'ReplicationTime without Metrics',
      doc(
        '<Rule><Prefix/><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::dest</Bucket><ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time></ReplicationTime></Destination></Rule>',
      ),
      'InvalidRequest',
      /Metrics/,
    ],
    [
      'an unknown element',
      doc(`<Rule><Prefix/><Status>Enabled</Status><Colour>red</Colour>${DEST}</Rule>`),
      'MalformedXML',
      /Colour/,
    ],
  ];
  it.each(cases)('%s', (_name, body, code, message) => {
    const err = refusal(() => parseReplicationConfig(body));
    expect(err.code).toBe(code);
    expect(err.status).toBe(400);
    if (message) expect(err.message).toMatch(message);
  });
});

describe('checkReplicationBuckets', () => {
  const cfg = parseReplicationConfig(doc(`<Rule><Prefix/><Status>Enabled</Status>${DEST}</Rule>`));
  const buckets = (dest?: BucketRow) => (name: string) => (name === 'dest' ? dest : undefined);

  it('passes with versioned source and destination', () => {
    expect(() =>
      checkReplicationBuckets(cfg, bucket('src', 'Enabled'), buckets(bucket('dest', 'Enabled'))),
    ).not.toThrow();
  });
  it('refuses an unversioned or suspended source', () => {
    for (const v of [null, 'Suspended'] as const) {
      const err = refusal(() =>
        checkReplicationBuckets(cfg, bucket('src', v), buckets(bucket('dest', 'Enabled'))),
      );
      expect(err).toMatchObject({
        code: 'InvalidRequest',
        message: expect.stringMatching(/Versioning must be 'Enabled'/),
      });
    }
  });
  it('refuses a missing destination', () => {
    const err = refusal(() => checkReplicationBuckets(cfg, bucket('src', 'Enabled'), buckets(undefined)));
    expect(err).toEqual({ status: 400, code: 'InvalidRequest', message: 'Destination bucket must exist.' });
  });
  it('refuses an unversioned destination', () => {
    const err = refusal(() =>
      checkReplicationBuckets(cfg, bucket('src', 'Enabled'), buckets(bucket('dest', null))),
    );
    expect(err.message).toBe('Destination bucket must have versioning enabled.');
  });
});

describe('readReplicationConfig', () => {
  it('reads the stored configuration, or undefined', () => {
    const cfg: ReplicationConfiguration = {
      Role: 'r',
      Rules: [{ ID: 'a', Status: 'Enabled', Prefix: '', Destination: { Bucket: 'arn:aws:s3:::d' } }],
    };
    expect(readReplicationConfig({ ...bucket('s', 'Enabled'), config: { replication: cfg } })).toEqual(cfg);
    expect(readReplicationConfig(bucket('s', 'Enabled'))).toBeUndefined();
  });
});
