import type { JobOperation } from '@aws-sdk/client-s3-control';
import { bucketArn, objectArn } from './arn.js';

// What a Batch Operations job's role must allow: the one table the BFF's role template and
// pre-flight simulation, the engine's own calls and local-aws's demo roles all read (decision 0025).
// Sources, per row below:
// - "Granting permissions for Batch Operations" (per-operation policy examples: manifest read,
//   report write with s3:GetBucketLocation on its bucket, version actions only for version IDs):
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-iam-role-policies.html
// - "Configuring an IAM role for S3 Batch Replication" (InitiateReplication; a generated manifest
//   needs s3:GetReplicationConfiguration and s3:PutInventoryConfiguration on the source, and
//   s3:PutObject + s3:GetObject on where it is saved):
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-batch-replication-policies.html
// - "Invoke AWS Lambda function" (the role needs lambda:InvokeFunction on the function):
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html
// - "Required permissions for Amazon S3 API operations" (the call each task makes):
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html

/** A CreateJob operation member: `S3PutObjectTagging`, `LambdaInvoke`, … */
export type JobOperationName = keyof JobOperation;

/** Where a job's object list comes from. */
export type ManifestKind = 'csv' | 'inventory' | 'generated';

/** What the job needs a permission for; shown with each pre-flight finding. */
export type PermissionPurpose =
  | 'operation'
  | 'copy source'
  | 'copy destination'
  | 'manifest read'
  | 'manifest generation'
  | 'report write';

/** One statement of the least-privilege policy. */
export interface PermissionNeed {
  readonly sid: string;
  readonly purpose: PermissionPurpose;
  /** The actions for objects without a version ID in the manifest. */
  readonly actions: readonly string[];
  /** The actions S3 checks instead when the manifest names version IDs (`s3:…Version…`). */
  readonly versionActions: readonly string[];
  /** Resource ARNs as the policy names them (wildcards allowed). */
  readonly resources: readonly string[];
}

/** What the table is read for: the job's operation (the CreateJob shape), manifest and report. */
export interface JobAccess {
  /** `aws`, `aws-cn`, `aws-us-gov` (from the Region). */
  readonly partition: string;
  readonly operation: JobOperation;
  /** The buckets the manifest's rows name. */
  readonly sourceBuckets: readonly string[];
  readonly manifest:
    | {
        readonly format: 'csv' | 'inventory';
        readonly bucket: string;
        readonly key: string;
        /** The manifest object's own version ID, when the job names one. */
        readonly versionId?: string | undefined;
      }
    | {
        /** Made by S3 from the source bucket (S3JobManifestGenerator). */
        readonly format: 'generated';
        readonly sourceBucket: string;
        /** The filter's EligibleForReplication: S3 then reads the replication configuration. */
        readonly eligibleForReplication: boolean;
        /** Where the generated manifest is saved, when it is. */
        readonly output?: { readonly bucket: string; readonly prefix?: string | undefined } | undefined;
      };
  readonly report: { readonly bucket: string; readonly prefix?: string | undefined } | null;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** `prefix/` without doubled slashes; '' for none. */
const asPrefix = (prefix: string | undefined) => (prefix ? `${prefix.replace(/\/+$/, '')}/` : '');

/** The destination bucket's name from CreateJob's TargetResource (a bucket ARN). */
const bucketOfTarget = (target: string) => target.replace(/^arn:[^:]+:s3:::/, '').split('/')[0] ?? target;

/** The buckets and objects of the manifest's rows, as one operation row reads them. */
interface Targets {
  readonly partition: string;
  readonly objects: readonly string[];
  readonly buckets: readonly string[];
}

type OperationRow<K extends JobOperationName> = (
  params: NonNullable<JobOperation[K]>,
  on: Targets,
) => PermissionNeed[];

const need = (
  sid: string,
  purpose: PermissionPurpose,
  actions: readonly string[],
  resources: readonly string[],
  versionActions: readonly string[] = actions,
): PermissionNeed => ({ sid, purpose, actions, versionActions, resources });

/** The operation's actions on every object of the manifest (`<bucket>/*`). */
const onObjects = (on: Targets, actions: string[], versionActions = actions) =>
  need('BatchOperationObjects', 'operation', actions, on.objects, versionActions);
/** Bucket-level actions of the operation, on the manifest's buckets. */
const onBuckets = (on: Targets, actions: string[]) =>
  need('BatchOperationBuckets', 'operation', actions, on.buckets);

/**
 * The operation rows: one per CreateJob operation member, so a member the SDK adds fails `tsc` here.
 * Each lists what the calls of one task need (the engine makes exactly these calls).
 */
export const OPERATION_PERMISSIONS: { readonly [K in JobOperationName]-?: OperationRow<K> } = {
  S3PutObjectTagging: (_p, on) => [onObjects(on, ['s3:PutObjectTagging'], ['s3:PutObjectVersionTagging'])],
  S3DeleteObjectTagging: (_p, on) => [
    onObjects(on, ['s3:DeleteObjectTagging'], ['s3:DeleteObjectVersionTagging']),
  ],
  S3PutObjectAcl: (_p, on) => [onObjects(on, ['s3:PutObjectAcl'], ['s3:PutObjectVersionAcl'])],
  S3InitiateRestoreObject: (_p, on) => [onObjects(on, ['s3:RestoreObject'])],
  // The docs' Object Lock examples: the bucket's lock configuration is read before each object is set.
  S3PutObjectLegalHold: (_p, on) => [
    onObjects(on, ['s3:PutObjectLegalHold']),
    onBuckets(on, ['s3:GetBucketObjectLockConfiguration']),
  ],
  S3PutObjectRetention: (p, on) => [
    onObjects(on, [
      's3:PutObjectRetention',
      ...(p.BypassGovernanceRetention ? ['s3:BypassGovernanceRetention'] : []),
    ]),
    onBuckets(on, ['s3:GetBucketObjectLockConfiguration']),
  ],
  // Batch Replication: the replication itself acts as the rule's replication role, not the job's.
  S3ReplicateObject: (_p, on) => [onObjects(on, ['s3:InitiateReplication'])],
  S3ComputeObjectChecksum: (_p, on) => [onObjects(on, ['s3:GetObject'], ['s3:GetObjectVersion'])],
  // Rewrites the object's encryption in place: authorized as writing the object (decision 0020).
  S3UpdateObjectEncryption: (_p, on) => [onObjects(on, ['s3:PutObject'])],
  LambdaInvoke: (p) => [
    need('InvokeFunction', 'operation', ['lambda:InvokeFunction'], [p.FunctionArn ?? '*']),
  ],
  // CopyObject reads the source and writes the target; ACL, tags, retention and legal hold on the
  // copy are writes S3 checks only when the job sets them.
  S3PutObjectCopy: (c, on) => {
    const target = bucketOfTarget(c.TargetResource ?? '');
    const dest = [
      's3:PutObject',
      ...(c.NewObjectTagging?.length ? ['s3:PutObjectTagging'] : []),
      ...(c.CannedAccessControlList || c.AccessControlGrants?.length ? ['s3:PutObjectAcl'] : []),
      ...(c.ObjectLockMode || c.ObjectLockRetainUntilDate ? ['s3:PutObjectRetention'] : []),
      ...(c.ObjectLockLegalHoldStatus ? ['s3:PutObjectLegalHold'] : []),
    ];
    return [
      need('CopySource', 'copy source', ['s3:GetObject'], on.objects, ['s3:GetObjectVersion']),
      need('CopyDestination', 'copy destination', dest, [
        objectArn(target, `${asPrefix(c.TargetKeyPrefix)}*`, on.partition),
      ]),
    ];
  },
};

/**
 * Each operation with every parameter that adds a permission (a role for any job of an operation
 * reads its row whole: the demo roles). Beside the rows, so a new row comes with its widest form.
 */
export const widestOperationParameters = (
  copyTarget: string,
): { readonly [K in JobOperationName]-?: NonNullable<JobOperation[K]> } => ({
  S3PutObjectTagging: {},
  S3DeleteObjectTagging: {},
  S3PutObjectAcl: {},
  S3InitiateRestoreObject: {},
  S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } },
  S3PutObjectRetention: { BypassGovernanceRetention: true, Retention: {} },
  S3ReplicateObject: {},
  S3ComputeObjectChecksum: {},
  S3UpdateObjectEncryption: {},
  LambdaInvoke: { FunctionArn: 'arn:aws:lambda:*:*:function:*' },
  S3PutObjectCopy: {
    TargetResource: copyTarget,
    NewObjectTagging: [{ Key: 'k', Value: 'v' }],
    CannedAccessControlList: 'private',
    ObjectLockMode: 'GOVERNANCE',
    ObjectLockLegalHoldStatus: 'ON',
  },
});

/** The member a CreateJob operation names (exactly one is set). */
export function operationNameOf(op: JobOperation): JobOperationName {
  const names = (Object.keys(OPERATION_PERMISSIONS) as JobOperationName[]).filter(
    (k) => op[k] !== undefined && op[k] !== null,
  );
  if (names.length !== 1)
    throw new Error(`no permissions known for the operation ${Object.keys(op).join(', ') || '(none)'}`);
  return names[0] as JobOperationName;
}

function operationNeeds(a: JobAccess): PermissionNeed[] {
  const name = operationNameOf(a.operation);
  const row = OPERATION_PERMISSIONS[name] as OperationRow<typeof name>;
  const on: Targets = {
    partition: a.partition,
    objects: a.sourceBuckets.map((b) => objectArn(b, '*', a.partition)),
    buckets: a.sourceBuckets.map((b) => bucketArn(b, a.partition)),
  };
  return row(a.operation[name] as NonNullable<JobOperation[typeof name]>, on);
}

/**
 * The inventory report's data files sit beside its dated folder:
 * `<prefix>/<source-bucket>/<config-id>/<date>/manifest.json` → `<prefix>/<source-bucket>/<config-id>/*`.
 */
function inventoryRoot(key: string): string {
  const parts = key.split('/');
  return parts.length > 2 ? `${parts.slice(0, -2).join('/')}/*` : '*';
}

/** The manifest's needs, by kind: read it (CSV, inventory) or have S3 generate it. */
function manifestNeeds(a: JobAccess): PermissionNeed[] {
  const m = a.manifest;
  const p = a.partition;
  if (m.format === 'generated') {
    const needs = [
      // S3 lists the source through an S3 Inventory it configures on the bucket.
      need(
        'GenerateManifest',
        'manifest generation',
        [
          's3:PutInventoryConfiguration',
          ...(m.eligibleForReplication ? ['s3:GetReplicationConfiguration'] : []),
        ],
        [bucketArn(m.sourceBucket, p)],
      ),
    ];
    // Saved where the job says, then read back as the job's manifest.
    if (m.output)
      needs.push(
        need(
          'ManifestOutput',
          'manifest generation',
          ['s3:PutObject', 's3:GetObject'],
          [objectArn(m.output.bucket, `${asPrefix(m.output.prefix)}*`, p)],
          ['s3:PutObject', 's3:GetObjectVersion'],
        ),
      );
    return needs;
  }
  const read = [m.versionId ? 's3:GetObjectVersion' : 's3:GetObject'];
  const manifestObject = objectArn(m.bucket, m.key, p);
  const resources =
    m.format === 'inventory'
      ? [manifestObject, objectArn(m.bucket, inventoryRoot(m.key), p)]
      : [manifestObject];
  // No s3:GetBucketLocation on the manifest's bucket: the general examples list it, but the Batch
  // Replication examples do without, so Batch Operations does not need it to read a manifest.
  return [need('ManifestRead', 'manifest read', read, resources)];
}

/** Every statement the job's role needs: the operation's, the manifest's, the report's. */
export function jobPermissionNeeds(a: JobAccess): PermissionNeed[] {
  const needs = [...operationNeeds(a), ...manifestNeeds(a)];
  if (a.report)
    needs.push(
      need(
        'ReportWrite',
        'report write',
        ['s3:PutObject'],
        [objectArn(a.report.bucket, `${asPrefix(a.report.prefix)}*`, a.partition)],
      ),
      // Checked while the job prepares, before any task runs (the general examples' report statement).
      need(
        'ReportBucket',
        'report write',
        ['s3:GetBucketLocation'],
        [bucketArn(a.report.bucket, a.partition)],
      ),
    );
  return needs;
}

/** The actions a job checks: the version actions when its rows name version IDs. */
export const neededActions = (n: PermissionNeed, versioned: boolean): readonly string[] =>
  versioned ? n.versionActions : n.actions;

/** One Allow statement of an identity-based policy. */
export interface AllowStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string | string[];
}

/** The least-privilege permission policy: both the plain and the version actions, as the docs' examples. */
export function permissionPolicy(a: JobAccess): { Version: '2012-10-17'; Statement: AllowStatement[] } {
  return { Version: '2012-10-17', Statement: jobPermissionNeeds(a).map(allowStatement) };
}

export function allowStatement(n: PermissionNeed): AllowStatement {
  return {
    Sid: n.sid,
    Effect: 'Allow',
    Action: [...new Set([...n.actions, ...n.versionActions])],
    Resource: n.resources.length === 1 ? (n.resources[0] as string) : [...n.resources],
  };
}
