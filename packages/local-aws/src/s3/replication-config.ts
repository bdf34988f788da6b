import { randomUUID } from 'node:crypto';
import { S3_STORAGE_CLASSES } from '@batchops/batch-formats';
import { ServiceError } from '../errors/service-error.js';
import type { BucketRow } from '../store/s3-rows.js';
import { asList, child, parseXml, text } from '../xml/xml-reader.js';

// The bucket replication configuration (shape ReplicationConfiguration of the S3 model): parsed and
// checked as S3 does at PutBucketReplication, stored typed in bucket.config.replication for the engine.

export type EnabledStatus = 'Enabled' | 'Disabled';

export interface ReplicationTag {
  readonly Key: string;
  readonly Value: string;
}

/** At most one member is set; an empty filter applies the rule to every object. */
export interface ReplicationRuleFilter {
  readonly Prefix?: string;
  readonly Tag?: ReplicationTag;
  readonly And?: { readonly Prefix?: string; readonly Tags: readonly ReplicationTag[] };
}

export interface ReplicationDestination {
  /** `arn:aws:s3:::name`, as given. */
  readonly Bucket: string;
  readonly Account?: string;
  readonly StorageClass?: string;
  readonly AccessControlTranslation?: { readonly Owner: 'Destination' };
  readonly EncryptionConfiguration?: { readonly ReplicaKmsKeyID?: string };
  readonly ReplicationTime?: { readonly Status: EnabledStatus; readonly Time: { readonly Minutes?: number } };
  readonly Metrics?: {
    readonly Status: EnabledStatus;
    readonly EventThreshold?: { readonly Minutes?: number };
  };
}

export interface ReplicationRule {
  /** Given, or generated at Put as S3 does. */
  readonly ID: string;
  readonly Priority?: number;
  /** V1 (deprecated) rule-level prefix; absent on V2 rules, which use Filter. */
  readonly Prefix?: string;
  readonly Filter?: ReplicationRuleFilter;
  readonly Status: EnabledStatus;
  readonly SourceSelectionCriteria?: {
    readonly SseKmsEncryptedObjects?: { readonly Status: EnabledStatus };
    readonly ReplicaModifications?: { readonly Status: EnabledStatus };
  };
  readonly ExistingObjectReplication?: { readonly Status: EnabledStatus };
  readonly Destination: ReplicationDestination;
  readonly DeleteMarkerReplication?: { readonly Status?: EnabledStatus };
}

export interface ReplicationConfiguration {
  readonly Role: string;
  readonly Rules: readonly ReplicationRule[];
}

/** From the model's StorageClass enum. */
const STORAGE_CLASSES: ReadonlySet<string> = new Set(S3_STORAGE_CLASSES);

const BUCKET_ARN = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/;

const malformed = (why: string) =>
  new ServiceError(
    400,
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema (${why}).`,
  );
const invalidRequest = (message: string) => new ServiceError(400, 'InvalidRequest', message);
const invalidArg = (message: string, name?: string, value?: string) =>
  new ServiceError(400, 'InvalidArgument', message, {
    ...(name !== undefined ? { ArgumentName: name } : {}),
    ...(value !== undefined ? { ArgumentValue: value } : {}),
  });

type Node = Record<string, unknown>;

/** S3 validates against its schema: an unknown element is MalformedXML. */
function onlyMembers(node: Node, where: string, members: readonly string[]): void {
  for (const k of Object.keys(node)) {
    if (!members.includes(k)) throw malformed(`unexpected element ${k} in ${where}`);
  }
}

function single(node: Node, name: string, where: string): void {
  if (Array.isArray(node[name])) throw malformed(`${where} has more than one ${name}`);
}

function status(node: Node | undefined, where: string, required = true): EnabledStatus | undefined {
  const s = node === undefined ? undefined : text(node, 'Status');
  if (s === undefined) {
    if (required) throw malformed(`${where} requires Status`);
    return undefined;
  }
  if (s !== 'Enabled' && s !== 'Disabled') throw malformed(`${where} Status must be Enabled or Disabled`);
  return s;
}

function statusBlock(node: Node, name: string): { Status: EnabledStatus } | undefined {
  single(node, name, 'Rule');
  const c = child(node, name);
  if (c === undefined) return undefined;
  onlyMembers(c, name, ['Status']);
  return { Status: status(c, name) as EnabledStatus };
}

function minutes(node: Node | undefined, where: string): { Minutes?: number } {
  if (node === undefined) throw malformed(`${where} is required`);
  onlyMembers(node, where, ['Minutes']);
  const m = text(node, 'Minutes');
  if (m === undefined) return {};
  if (!/^\d+$/.test(m)) throw malformed(`${where} Minutes must be an integer`);
  // RTC has one service level: 15 minutes.
  if (Number(m) !== 15) throw invalidArg('Minutes must be 15.', `${where}.Minutes`, m);
  return { Minutes: Number(m) };
}

function tagOf(node: unknown, where: string): ReplicationTag {
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    throw malformed(`${where} Tag is empty`);
  onlyMembers(node as Node, `${where} Tag`, ['Key', 'Value']);
  const Key = text(node, 'Key');
  const Value = text(node, 'Value');
  if (Key === undefined || Value === undefined) throw malformed(`${where} Tag requires Key and Value`);
  if (Key.length < 1 || Key.length > 128)
    throw invalidArg('The TagKey you have provided is invalid', 'Key', Key);
  if (Value.length > 256)
    throw invalidArg('The TagValue you have provided is too long, max 256', 'Value', Value);
  return { Key, Value };
}

function parseFilter(node: Node): ReplicationRuleFilter {
  onlyMembers(node, 'Filter', ['Prefix', 'Tag', 'And']);
  const present = ['Prefix', 'Tag', 'And'].filter((k) => node[k] !== undefined);
  if (present.length > 1)
    throw malformed(`Filter takes exactly one of Prefix, Tag or And, got ${present.join(', ')}`);
  for (const k of present) single(node, k, 'Filter');
  const prefix = text(node, 'Prefix');
  if (prefix !== undefined) return { Prefix: prefix };
  if (node.Tag !== undefined) return { Tag: tagOf(node.Tag, 'Filter') };
  const and = child(node, 'And');
  if (and !== undefined) {
    onlyMembers(and, 'And', ['Prefix', 'Tag']);
    single(and, 'Prefix', 'And');
    const Tags = asList(and.Tag).map((t) => tagOf(t, 'And'));
    const andPrefix = text(and, 'Prefix');
    // And combines conditions: a prefix and a tag, or two tags at least.
    if (Tags.length + (andPrefix !== undefined ? 1 : 0) < 2 || Tags.length === 0)
      throw malformed('And needs a Prefix and one Tag at least, or two Tags');
    const keys = new Set(Tags.map((t) => t.Key));
    if (keys.size !== Tags.length) throw invalidArg('Duplicate Tag Keys are not allowed.', 'Tag');
    return andPrefix !== undefined ? { And: { Prefix: andPrefix, Tags } } : { And: { Tags } };
  }
  return {};
}

function parseDestination(node: Node | undefined): ReplicationDestination {
  if (node === undefined) throw malformed('Rule requires Destination');
  onlyMembers(node, 'Destination', [
    'Bucket',
    'Account',
    'StorageClass',
    'AccessControlTranslation',
    'EncryptionConfiguration',
    'ReplicationTime',
    'Metrics',
  ]);
  for (const k of Object.keys(node)) single(node, k, 'Destination');
  const Bucket = text(node, 'Bucket');
  if (Bucket === undefined) throw malformed('Destination requires Bucket');
  if (!BUCKET_ARN.test(Bucket)) throw invalidArg('Invalid bucket ARN.', 'Destination.Bucket', Bucket);
  const Account = text(node, 'Account');
  const StorageClass = text(node, 'StorageClass');
  if (StorageClass !== undefined && !STORAGE_CLASSES.has(StorageClass))
    throw malformed(`StorageClass ${StorageClass} is not a storage class`);
  const actNode = child(node, 'AccessControlTranslation');
  let AccessControlTranslation: ReplicationDestination['AccessControlTranslation'];
  if (actNode !== undefined) {
    onlyMembers(actNode, 'AccessControlTranslation', ['Owner']);
    if (text(actNode, 'Owner') !== 'Destination')
      throw malformed('AccessControlTranslation Owner must be Destination');
    AccessControlTranslation = { Owner: 'Destination' };
    // The replica goes to the owner named in Account, so S3 refuses an owner override without one.
    if (Account === undefined)
      throw invalidRequest('Account must be specified when AccessControlTranslation is specified');
  }
  const encNode = child(node, 'EncryptionConfiguration');
  let EncryptionConfiguration: ReplicationDestination['EncryptionConfiguration'];
  if (encNode !== undefined) {
    onlyMembers(encNode, 'EncryptionConfiguration', ['ReplicaKmsKeyID']);
    const id = text(encNode, 'ReplicaKmsKeyID');
    EncryptionConfiguration = id !== undefined ? { ReplicaKmsKeyID: id } : {};
  }
  const rtNode = child(node, 'ReplicationTime');
  let ReplicationTime: ReplicationDestination['ReplicationTime'];
  if (rtNode !== undefined) {
    onlyMembers(rtNode, 'ReplicationTime', ['Status', 'Time']);
    ReplicationTime = {
      Status: status(rtNode, 'ReplicationTime') as EnabledStatus,
      Time: minutes(child(rtNode, 'Time'), 'ReplicationTime.Time'),
    };
  }
  const mNode = child(node, 'Metrics');
  let Metrics: ReplicationDestination['Metrics'];
  if (mNode !== undefined) {
    onlyMembers(mNode, 'Metrics', ['Status', 'EventThreshold']);
    const et = child(mNode, 'EventThreshold');
    Metrics = {
      Status: status(mNode, 'Metrics') as EnabledStatus,
      ...(et !== undefined ? { EventThreshold: minutes(et, 'Metrics.EventThreshold') } : {}),
    };
  }
  if (ReplicationTime !== undefined && Metrics === undefined)
    throw invalidRequest(
      'Replication Time Control (RTC) requires Metrics: add a Metrics element to the Destination.',
    );
  if (ReplicationTime?.Status === 'Enabled' && Metrics?.Status !== 'Enabled')
    throw invalidRequest('Metrics must be Enabled when Replication Time Control (RTC) is Enabled.');
  return {
    Bucket,
    ...(Account !== undefined ? { Account } : {}),
    ...(StorageClass !== undefined ? { StorageClass } : {}),
    ...(AccessControlTranslation ? { AccessControlTranslation } : {}),
    ...(EncryptionConfiguration ? { EncryptionConfiguration } : {}),
    ...(ReplicationTime ? { ReplicationTime } : {}),
    ...(Metrics ? { Metrics } : {}),
  };
}

function parseRule(node: unknown, newId: () => string): ReplicationRule {
  if (typeof node !== 'object' || node === null) throw malformed('Rule is empty');
  const r = node as Node;
  onlyMembers(r, 'Rule', [
    'ID',
    'Priority',
    'Prefix',
    'Filter',
    'Status',
    'SourceSelectionCriteria',
    'ExistingObjectReplication',
    'Destination',
    'DeleteMarkerReplication',
  ]);
  for (const k of Object.keys(r)) single(r, k, 'Rule');
  const id = text(r, 'ID');
  if (id !== undefined && id.length > 255)
    throw invalidArg('ID length should not exceed allowed limit of 255', 'ID', id);
  const p = text(r, 'Priority');
  if (p !== undefined && !/^-?\d+$/.test(p)) throw malformed('Priority must be an integer');
  const prefix = text(r, 'Prefix');
  const filterNode = child(r, 'Filter');
  if (prefix !== undefined && filterNode !== undefined)
    throw malformed('a Rule takes either Prefix (V1) or Filter (V2), not both');
  if (prefix === undefined && filterNode === undefined)
    throw malformed('a Rule needs Prefix (V1) or Filter (V2)');
  const ssc = child(r, 'SourceSelectionCriteria');
  let SourceSelectionCriteria: ReplicationRule['SourceSelectionCriteria'];
  if (ssc !== undefined) {
    onlyMembers(ssc, 'SourceSelectionCriteria', ['SseKmsEncryptedObjects', 'ReplicaModifications']);
    const kms = statusBlock(ssc, 'SseKmsEncryptedObjects');
    const mods = statusBlock(ssc, 'ReplicaModifications');
    SourceSelectionCriteria = {
      ...(kms ? { SseKmsEncryptedObjects: kms } : {}),
      ...(mods ? { ReplicaModifications: mods } : {}),
    };
  }
  const existing = statusBlock(r, 'ExistingObjectReplication');
  const dmrNode = child(r, 'DeleteMarkerReplication');
  let DeleteMarkerReplication: ReplicationRule['DeleteMarkerReplication'];
  if (dmrNode !== undefined) {
    onlyMembers(dmrNode, 'DeleteMarkerReplication', ['Status']);
    const s = status(dmrNode, 'DeleteMarkerReplication', false);
    DeleteMarkerReplication = s !== undefined ? { Status: s } : {};
  }
  return {
    ID: id === undefined || id === '' ? newId() : id,
    ...(p !== undefined ? { Priority: Number(p) } : {}),
    ...(prefix !== undefined ? { Prefix: prefix } : {}),
    ...(filterNode !== undefined ? { Filter: parseFilter(filterNode) } : {}),
    Status: status(r, 'Rule') as EnabledStatus,
    ...(SourceSelectionCriteria ? { SourceSelectionCriteria } : {}),
    ...(existing ? { ExistingObjectReplication: existing } : {}),
    Destination: parseDestination(child(r, 'Destination')),
    ...(DeleteMarkerReplication ? { DeleteMarkerReplication } : {}),
  };
}

/** S3 names generated rule IDs with base64 text; any unique string would do. */
const randomRuleId = () => Buffer.from(randomUUID()).toString('base64');

/**
 * Parse a PutBucketReplication body and apply the rules S3 checks on the document alone.
 * Bucket-dependent checks (versioning, destinations exist) are in `checkReplicationBuckets`.
 */
export function parseReplicationConfig(
  body: string,
  newId: () => string = randomRuleId,
): ReplicationConfiguration {
  const doc = parseXml(body, 'ReplicationConfiguration');
  onlyMembers(doc, 'ReplicationConfiguration', ['Role', 'Rule']);
  single(doc, 'Role', 'ReplicationConfiguration');
  const Role = text(doc, 'Role');
  if (Role === undefined) throw malformed('ReplicationConfiguration requires Role');
  if (Role === '') throw invalidArg('Invalid Role specified.', 'Role', Role);
  const ruleNodes = asList(doc.Rule);
  if (ruleNodes.length === 0) throw malformed('ReplicationConfiguration requires at least one Rule');
  if (ruleNodes.length > 1000) throw invalidArg('Number of rules exceeds the limit of 1000.', 'Rule');
  const Rules = ruleNodes.map((n) => parseRule(n, newId));

  const ids = new Set<string>();
  for (const r of Rules) {
    if (ids.has(r.ID)) throw invalidArg('Rule Id must be unique.', 'ID', r.ID);
    ids.add(r.ID);
  }
  // The V2 schema: any Filter, or more than one rule.
  const v2 = Rules.length > 1 || Rules.some((r) => r.Filter !== undefined);
  if (v2) {
    const priorities = new Set<number>();
    for (const r of Rules) {
      if (r.Priority === undefined)
        throw invalidRequest(
          'Priority must be specified for this version of Cross Region Replication configuration schema.',
        );
      if (priorities.has(r.Priority))
        throw invalidRequest(`Found two rules with the same priority ${r.Priority}.`);
      priorities.add(r.Priority);
      if (r.DeleteMarkerReplication === undefined)
        throw invalidRequest(
          'DeleteMarkerReplication must be specified for this version of Cross Region Replication configuration schema.',
        );
      const hasTag = r.Filter?.Tag !== undefined || r.Filter?.And !== undefined;
      if (hasTag && r.DeleteMarkerReplication.Status !== 'Disabled')
        throw invalidRequest('Delete marker replication is not supported if any Tag filter is specified.');
    }
  }
  return { Role, Rules };
}

/** Destination bucket name of a rule (`arn:aws:s3:::name` → `name`). */
export function destinationBucketName(rule: ReplicationRule): string {
  return BUCKET_ARN.exec(rule.Destination.Bucket)?.[1] as string;
}

/** The checks that need the buckets: versioning on source and destinations, destinations exist. */
export function checkReplicationBuckets(
  cfg: ReplicationConfiguration,
  source: BucketRow,
  getBucket: (name: string) => BucketRow | undefined,
): void {
  if (source.versioning !== 'Enabled')
    throw invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
  for (const rule of cfg.Rules) {
    const dest = getBucket(destinationBucketName(rule));
    if (!dest) throw invalidRequest('Destination bucket must exist.');
    if (dest.versioning !== 'Enabled')
      throw invalidRequest('Destination bucket must have versioning enabled.');
  }
}

/** The stored replication configuration of a bucket, or undefined when it has none. */
export function readReplicationConfig(bucket: BucketRow): ReplicationConfiguration | undefined {
  return bucket.config.replication as ReplicationConfiguration | undefined;
}
