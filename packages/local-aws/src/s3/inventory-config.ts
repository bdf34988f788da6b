import { ServiceError } from '../errors/service-error.js';
import { asList, child, parseXml, text } from '../xml/xml-reader.js';
import { el, opt, type XmlElement } from '../xml/xml-writer.js';

// An S3 Inventory configuration (the S3 model's InventoryConfiguration), as a bucket keeps it in
// `config.inventory` (by Id) and as the XML of Put/Get/ListBucketInventoryConfiguration(s).

/** The model's InventoryOptionalField enum, in the order S3 writes the columns (its fileSchema example). */
export const INVENTORY_FIELDS = [
  'Size',
  'LastModifiedDate',
  'ETag',
  'StorageClass',
  'IsMultipartUploaded',
  'ReplicationStatus',
  'EncryptionStatus',
  'ObjectLockRetainUntilDate',
  'ObjectLockMode',
  'ObjectLockLegalHoldStatus',
  'IntelligentTieringAccessTier',
  'BucketKeyStatus',
  'ChecksumAlgorithm',
  'ObjectAccessControlList',
  'ObjectOwner',
  'LifecycleExpirationDate',
] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

export interface InventoryConfig {
  id: string;
  enabled: boolean;
  /** The destination bucket's ARN, as given. */
  destinationBucket: string;
  destinationAccountId?: string;
  format: 'CSV' | 'ORC' | 'Parquet';
  prefix?: string;
  encryption?: { type: 'SSE-S3' } | { type: 'SSE-KMS'; keyId: string };
  filterPrefix?: string;
  includedVersions: 'All' | 'Current';
  fields: InventoryField[];
  frequency: 'Daily' | 'Weekly';
}

const malformed = (detail: string) =>
  new ServiceError(
    400,
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema (${detail}).`,
  );

const invalidArgument = (message: string, name: string, value: string) =>
  new ServiceError(400, 'InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });

/** S3's rule for configuration IDs: 1–64 of letters, digits, `-`, `_`, `.`. */
export function checkInventoryId(id: string | undefined): string {
  if (id === undefined || id === '') {
    throw new ServiceError(400, 'InvalidArgument', 'Missing required parameter: id', {
      ArgumentName: 'id',
      ArgumentValue: '',
    });
  }
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw invalidArgument('The ID is not valid.', 'id', id);
  return id;
}

const required = (node: unknown, name: string, where: string): string => {
  const v = text(node, name);
  if (v === undefined) throw malformed(`${where} requires ${name}`);
  return v;
};

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw malformed(`${where} must be one of ${allowed.join(', ')}, not ${value}`);
  }
  return value as T;
}

/** The body of PutBucketInventoryConfiguration, checked as S3 checks it; `id` is the query's. */
export function parseInventoryConfig(body: string, id: string): InventoryConfig {
  const doc = parseXml(body, 'InventoryConfiguration');
  const bodyId = required(doc, 'Id', 'InventoryConfiguration');
  if (bodyId !== id) {
    throw invalidArgument('Configuration ID does not match the ID in the request.', 'id', bodyId);
  }
  const enabledText = required(doc, 'IsEnabled', 'InventoryConfiguration');
  if (enabledText !== 'true' && enabledText !== 'false') throw malformed('IsEnabled must be true or false');
  const destination = child(child(doc, 'Destination'), 'S3BucketDestination');
  if (!destination) throw malformed('InventoryConfiguration requires Destination/S3BucketDestination');
  const bucketArn = required(destination, 'Bucket', 'S3BucketDestination');
  if (!/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucketArn)) {
    throw invalidArgument('Invalid Destination Bucket ARN', 'Bucket', bucketArn);
  }
  const accountId = text(destination, 'AccountId');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw invalidArgument('Invalid Destination Account ID', 'AccountId', accountId);
  }
  const format = oneOf(
    required(destination, 'Format', 'S3BucketDestination'),
    ['CSV', 'ORC', 'Parquet'] as const,
    'Format',
  );
  const encryptionNode = child(destination, 'Encryption');
  let encryption: InventoryConfig['encryption'];
  if (encryptionNode) {
    const kms = child(encryptionNode, 'SSE-KMS');
    if (kms) encryption = { type: 'SSE-KMS', keyId: required(kms, 'KeyId', 'SSE-KMS') };
    else if (child(encryptionNode, 'SSE-S3')) encryption = { type: 'SSE-S3' };
    else throw malformed('Encryption requires SSE-S3 or SSE-KMS');
  }
  const filter = child(doc, 'Filter');
  const filterPrefix = filter ? required(filter, 'Prefix', 'Filter') : undefined;
  const includedVersions = oneOf(
    required(doc, 'IncludedObjectVersions', 'InventoryConfiguration'),
    ['All', 'Current'] as const,
    'IncludedObjectVersions',
  );
  const schedule = child(doc, 'Schedule');
  if (!schedule) throw malformed('InventoryConfiguration requires Schedule');
  const frequency = oneOf(
    required(schedule, 'Frequency', 'Schedule'),
    ['Daily', 'Weekly'] as const,
    'Frequency',
  );
  const fields = asList(child(doc, 'OptionalFields')?.Field).map((f) =>
    oneOf(String(f), INVENTORY_FIELDS, 'OptionalFields/Field'),
  );
  if (new Set(fields).size !== fields.length) throw malformed('OptionalFields name a field more than once');
  const prefix = text(destination, 'Prefix');
  return {
    id,
    enabled: enabledText === 'true',
    destinationBucket: bucketArn,
    ...(accountId !== undefined ? { destinationAccountId: accountId } : {}),
    format,
    ...(prefix ? { prefix } : {}),
    ...(encryption ? { encryption } : {}),
    ...(filterPrefix !== undefined ? { filterPrefix } : {}),
    includedVersions,
    fields,
    frequency,
  };
}

/** The configuration as the XML element S3 answers with. */
export function inventoryConfigXml(c: InventoryConfig): XmlElement {
  return el(
    'InventoryConfiguration',
    el(
      'Destination',
      el(
        'S3BucketDestination',
        opt('AccountId', c.destinationAccountId),
        el('Bucket', c.destinationBucket),
        el('Format', c.format),
        opt('Prefix', c.prefix),
        c.encryption
          ? el(
              'Encryption',
              c.encryption.type === 'SSE-KMS' ? el('SSE-KMS', el('KeyId', c.encryption.keyId)) : el('SSE-S3'),
            )
          : null,
      ),
    ),
    el('IsEnabled', c.enabled),
    c.filterPrefix !== undefined ? el('Filter', el('Prefix', c.filterPrefix)) : null,
    el('Id', c.id),
    el('IncludedObjectVersions', c.includedVersions),
    c.fields.length
      ? el(
          'OptionalFields',
          c.fields.map((f) => el('Field', f)),
        )
      : null,
    el('Schedule', el('Frequency', c.frequency)),
  );
}
