import { ServiceError } from '../../errors/service-error.js';
import { asList, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el } from '../../xml/xml-writer.js';
import { deletesConfig, noConfiguration } from '../bucket-config-entry.js';
import {
  checkReplicationBuckets,
  parseReplicationConfig,
  readReplicationConfig,
} from '../replication-config.js';
import { replicationConfigXml } from '../replication-config-xml.js';
import { type S3Context, type S3Route, subResourceRoutes } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

type Tag = { Key: string; Value: string };

const invalidTag = (message: string) => new ServiceError(400, 'InvalidTag', message);

/** A bucket tag set as S3 checks it: ≤ 50 tags, unique keys, key 1..128, value ≤ 256, no aws: keys. */
export function parseBucketTagging(body: string): Tag[] {
  const doc = parseXml(body, 'Tagging');
  if (doc.TagSet === undefined)
    throw new ServiceError(
      400,
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema (Tagging requires TagSet).',
    );
  const set =
    typeof doc.TagSet === 'object' && doc.TagSet !== null ? (doc.TagSet as Record<string, unknown>) : {};
  const tags = asList(set.Tag).map((t) => {
    const Key = text(t, 'Key');
    const Value = text(t, 'Value');
    if (Key === undefined || Value === undefined)
      throw new ServiceError(
        400,
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema (Tag requires Key and Value).',
      );
    return { Key, Value };
  });
  if (tags.length > 50) throw invalidTag('Bucket tag count cannot be greater than 50');
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128) throw invalidTag('The TagKey you have provided is invalid');
    if (t.Value.length > 256)
      throw invalidTag('The TagValue you have provided is too long, max length is 256');
    if (t.Key.toLowerCase().startsWith('aws:'))
      throw invalidTag('System tags cannot be added/updated by requester');
    if (seen.has(t.Key)) throw invalidTag('Cannot provide multiple Tags with the same key');
    seen.add(t.Key);
  }
  return tags;
}

async function putBucketTagging(ctx: S3Context) {
  const b = requireBucket(ctx);
  const tags = parseBucketTagging(await readBodyText(ctx.body));
  ctx.svc.meta.setBucketConfig(b.name, 'tagging', tags);
  return { status: 204 };
}

function getBucketTagging(ctx: S3Context) {
  const b = requireBucket(ctx);
  const tags = b.config.tagging as Tag[] | undefined;
  if (!tags || tags.length === 0) throw noConfiguration(b.name, 'NoSuchTagSet', 'The TagSet does not exist');
  return s3Xml(
    'Tagging',
    el(
      'TagSet',
      tags.map((t) => el('Tag', el('Key', t.Key), el('Value', t.Value))),
    ),
  );
}

async function putBucketReplication(ctx: S3Context) {
  const b = requireBucket(ctx);
  const cfg = parseReplicationConfig(await readBodyText(ctx.body));
  checkReplicationBuckets(cfg, b, (name) => ctx.svc.meta.getBucket(name));
  ctx.svc.meta.setBucketConfig(b.name, 'replication', cfg);
  return { status: 200 };
}

function getBucketReplication(ctx: S3Context) {
  const b = requireBucket(ctx);
  const cfg = readReplicationConfig(b);
  if (!cfg)
    throw noConfiguration(
      b.name,
      'ReplicationConfigurationNotFoundError',
      'The replication configuration was not found',
    );
  return s3Xml('ReplicationConfiguration', ...replicationConfigXml(cfg));
}

function getBucketEncryption(ctx: S3Context) {
  requireBucket(ctx);
  // Every S3 bucket has SSE-S3 by default since January 2023.
  return s3Xml(
    'ServerSideEncryptionConfiguration',
    el(
      'Rule',
      el('ApplyServerSideEncryptionByDefault', el('SSEAlgorithm', 'AES256')),
      el('BucketKeyEnabled', false),
    ),
  );
}

/** A configuration local-aws never holds: the bucket must exist, then S3's "none" 404. */
function notConfigured(code: string, message: string) {
  return (ctx: S3Context) => {
    throw noConfiguration(requireBucket(ctx).name, code, message);
  };
}

export const bucketConfigRoutes: readonly S3Route[] = [
  ...subResourceRoutes('bucket', 'tagging', 'BucketTagging', {
    PUT: putBucketTagging,
    GET: getBucketTagging,
    DELETE: deletesConfig('tagging'),
  }),
  ...subResourceRoutes('bucket', 'replication', 'BucketReplication', {
    PUT: putBucketReplication,
    GET: getBucketReplication,
    DELETE: deletesConfig('replication'),
  }),
  ...subResourceRoutes('bucket', 'encryption', 'BucketEncryption', { GET: getBucketEncryption }),
  ...subResourceRoutes('bucket', 'lifecycle', 'BucketLifecycleConfiguration', {
    GET: notConfigured('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'),
  }),
  ...subResourceRoutes('bucket', 'cors', 'BucketCors', {
    GET: notConfigured('NoSuchCORSConfiguration', 'The CORS configuration does not exist'),
  }),
];
