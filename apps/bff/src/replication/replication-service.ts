import {
  DeleteBucketReplicationCommand,
  GetBucketReplicationCommand,
  PutBucketReplicationCommand,
  type ReplicationConfiguration,
  type S3Client,
  type ReplicationRule as SdkRule,
} from '@aws-sdk/client-s3';
import type {
  ReplicationConfigResponse,
  SaveReplicationRuleRequest,
  SaveReplicationRuleResponse,
} from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';
import { destinationBucketName, revisionOf, toRuleView, toSdkRule } from './replication-mapping.js';

/** The bucket's replication configuration, or undefined when it has none. */
async function readConfig(s3: S3Client, bucket: string): Promise<ReplicationConfiguration | undefined> {
  try {
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: bucket }));
    return out.ReplicationConfiguration;
  } catch (err) {
    if ((err as { name?: string }).name === 'ReplicationConfigurationNotFoundError') return undefined;
    throw err;
  }
}

function toResponse(bucket: string, cfg: ReplicationConfiguration | undefined): ReplicationConfigResponse {
  return {
    bucket,
    role: cfg?.Role ?? null,
    rules: (cfg?.Rules ?? []).map(toRuleView),
    revision: revisionOf(cfg),
  };
}

export async function getReplication(s3: S3Client, bucket: string): Promise<ReplicationConfigResponse> {
  return toResponse(bucket, await readConfig(s3, bucket));
}

/**
 * S3 stores the rules as one document with no version to make a write conditional: the save is a
 * read-modify-write that first checks the configuration is still the one the form was opened on.
 */
async function readExpected(
  s3: S3Client,
  bucket: string,
  revision: string | null,
): Promise<ReplicationConfiguration | undefined> {
  const cfg = await readConfig(s3, bucket);
  if (revisionOf(cfg) !== revision)
    throw new HttpError(
      409,
      'ReplicationConfigurationChanged',
      'The replication configuration of this bucket changed since you opened it. Reload to see the current rules, then make your change again.',
    );
  return cfg;
}

const ruleIdOf = (r: SdkRule, i: number) => toRuleView(r, i).rule.id;

/** Create (ruleId null) or replace one rule; the rest of the configuration is written back as read. */
export async function saveRule(
  s3: S3Client,
  bucket: string,
  ruleId: string | null,
  req: SaveReplicationRuleRequest,
): Promise<SaveReplicationRuleResponse> {
  const cfg = await readExpected(s3, bucket, req.revision);
  const rules = cfg?.Rules ?? [];
  const index = ruleId === null ? -1 : rules.findIndex((r, i) => ruleIdOf(r, i) === ruleId);
  if (ruleId !== null && index === -1)
    throw new HttpError(
      404,
      'NoSuchReplicationRule',
      `The bucket has no replication rule named "${ruleId}".`,
    );
  const others = rules.filter((_r, i) => i !== index);
  if (others.some((r, i) => ruleIdOf(r, i) === req.rule.id))
    throw new HttpError(409, 'DuplicateRuleName', `A rule named "${req.rule.id}" already exists.`, [
      { field: 'rule.id', message: 'another rule of this bucket has this name' },
    ]);
  if (others.some((r) => r.Priority === req.rule.priority))
    throw new HttpError(409, 'DuplicateRulePriority', `Another rule has priority ${req.rule.priority}.`, [
      { field: 'rule.priority', message: 'another rule of this bucket has this priority' },
    ]);
  const saved = toSdkRule(req.rule, index === -1 ? undefined : rules[index]);
  const next = index === -1 ? [...rules, saved] : rules.map((r, i) => (i === index ? saved : r));
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: bucket,
      ReplicationConfiguration: { Role: req.role, Rules: next },
    }),
  );
  const known = new Set(others.map((r) => destinationBucketName(r.Destination?.Bucket)));
  return {
    configuration: await getReplication(s3, bucket),
    // The console offers Batch Replication for a new configuration's first rule or a new destination.
    offerReplicateExisting: cfg === undefined || !known.has(req.rule.destinationBucket),
  };
}

/** Remove one rule; the last one takes the configuration with it (DeleteBucketReplication). */
export async function deleteRule(
  s3: S3Client,
  bucket: string,
  ruleId: string,
  revision: string,
): Promise<ReplicationConfigResponse> {
  const cfg = await readExpected(s3, bucket, revision);
  const rules = cfg?.Rules ?? [];
  const rest = rules.filter((r, i) => ruleIdOf(r, i) !== ruleId);
  if (rest.length === rules.length)
    throw new HttpError(
      404,
      'NoSuchReplicationRule',
      `The bucket has no replication rule named "${ruleId}".`,
    );
  if (rest.length === 0) await s3.send(new DeleteBucketReplicationCommand({ Bucket: bucket }));
  else
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: bucket,
        ReplicationConfiguration: { Role: cfg?.Role ?? '', Rules: rest },
      }),
    );
  return getReplication(s3, bucket);
}
