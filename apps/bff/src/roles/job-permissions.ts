import type { JobOperation } from '@aws-sdk/client-s3-control';
import { BATCH_OPERATIONS_PRINCIPAL, type PolicyDocument } from '@batchops/contracts';

/**
 * What a Batch Operations job's role must allow, per operation: the one table the role template
 * and the pre-flight simulation both read. Follows the AWS docs' policy examples ("Granting
 * permissions for Batch Operations"): the operation's object actions on the manifest's buckets,
 * manifest read, report write.
 */

/** What the job needs a permission for; shown with each pre-flight finding. */
export type PermissionPurpose =
  | 'operation'
  | 'copy source'
  | 'copy destination'
  | 'manifest read'
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
        readonly bucket: string;
        readonly key: string;
        readonly format: 'csv' | 'inventory';
        /** The manifest object's own version ID, when the job names one. */
        readonly versionId?: string | undefined;
      }
    | {
        /** Made by S3 from the source bucket's replication configuration (S3JobManifestGenerator). */
        readonly format: 'generated';
        readonly sourceBucket: string;
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

const s3Arn = (partition: string, resource: string) => `arn:${partition}:s3:::${resource}`;

/** `prefix/` without doubled slashes; '' for none. */
const asPrefix = (prefix: string | undefined) => (prefix ? `${prefix.replace(/\/+$/, '')}/` : '');

/** The destination bucket's name from CreateJob's TargetResource (a bucket ARN). */
const bucketOfTarget = (target: string) => target.replace(/^arn:[^:]+:s3:::/, '').split('/')[0] ?? target;

/** The operation's own object actions and bucket actions, keyed by CreateJob's operation member. */
function operationNeeds(a: JobAccess): PermissionNeed[] {
  const op = a.operation;
  const objects = a.sourceBuckets.map((b) => s3Arn(a.partition, `${b}/*`));
  const buckets = a.sourceBuckets.map((b) => s3Arn(a.partition, b));
  const onObjects = (actions: string[], versionActions = actions): PermissionNeed => ({
    sid: 'BatchOperationObjects',
    purpose: 'operation',
    actions,
    versionActions,
    resources: objects,
  });
  const onBuckets = (actions: string[]): PermissionNeed => ({
    sid: 'BatchOperationBuckets',
    purpose: 'operation',
    actions,
    versionActions: actions,
    resources: buckets,
  });
  if (op.S3PutObjectTagging) return [onObjects(['s3:PutObjectTagging'], ['s3:PutObjectVersionTagging'])];
  if (op.S3DeleteObjectTagging)
    return [onObjects(['s3:DeleteObjectTagging'], ['s3:DeleteObjectVersionTagging'])];
  if (op.S3PutObjectAcl) return [onObjects(['s3:PutObjectAcl'], ['s3:PutObjectVersionAcl'])];
  if (op.S3InitiateRestoreObject) return [onObjects(['s3:RestoreObject'])];
  if (op.S3PutObjectLegalHold)
    return [onObjects(['s3:PutObjectLegalHold']), onBuckets(['s3:GetBucketObjectLockConfiguration'])];
  if (op.S3PutObjectRetention) {
    const bypass = op.S3PutObjectRetention.BypassGovernanceRetention === true;
    return [
      onObjects(['s3:PutObjectRetention', ...(bypass ? ['s3:BypassGovernanceRetention'] : [])]),
      onBuckets(['s3:GetBucketObjectLockConfiguration']),
    ];
  }
  if (op.S3ReplicateObject)
    return [
      onObjects(['s3:InitiateReplication']),
      onBuckets(['s3:GetReplicationConfiguration', 's3:PutInventoryConfiguration']),
    ];
  if (op.S3ComputeObjectChecksum) return [onObjects(['s3:GetObject'], ['s3:GetObjectVersion'])];
  // Rewrites the object's encryption in place: local-aws checks it as a PutObject on the object.
  if (op.S3UpdateObjectEncryption) return [onObjects(['s3:PutObject'])];
  if (op.LambdaInvoke) {
    const fn = op.LambdaInvoke.FunctionArn ?? '*';
    return [
      {
        sid: 'InvokeFunction',
        purpose: 'operation',
        actions: ['lambda:InvokeFunction'],
        versionActions: ['lambda:InvokeFunction'],
        resources: [fn],
      },
    ];
  }
  if (op.S3PutObjectCopy) {
    const c = op.S3PutObjectCopy;
    // Without new tags the copy keeps the source's: read them there, write them on the copy.
    const copiesTags = !c.NewObjectTagging?.length;
    const target = bucketOfTarget(c.TargetResource ?? '');
    const dest = [
      's3:PutObject',
      's3:PutObjectTagging',
      ...(c.CannedAccessControlList || c.AccessControlGrants?.length ? ['s3:PutObjectAcl'] : []),
      ...(c.ObjectLockMode || c.ObjectLockRetainUntilDate ? ['s3:PutObjectRetention'] : []),
      ...(c.ObjectLockLegalHoldStatus ? ['s3:PutObjectLegalHold'] : []),
    ];
    return [
      {
        sid: 'CopySource',
        purpose: 'copy source',
        actions: ['s3:GetObject', ...(copiesTags ? ['s3:GetObjectTagging'] : [])],
        versionActions: ['s3:GetObjectVersion', ...(copiesTags ? ['s3:GetObjectVersionTagging'] : [])],
        resources: objects,
      },
      {
        sid: 'CopyDestination',
        purpose: 'copy destination',
        actions: dest,
        versionActions: dest,
        resources: [s3Arn(a.partition, `${target}/${asPrefix(c.TargetKeyPrefix)}*`)],
      },
    ];
  }
  const name = Object.keys(op).find((k) => (op as Record<string, unknown>)[k] !== undefined);
  throw new Error(`no permissions known for the operation ${name ?? '(none)'}`);
}

/**
 * The inventory report's data files sit beside its dated folder:
 * `<prefix>/<source-bucket>/<config-id>/<date>/manifest.json` → `<prefix>/<source-bucket>/<config-id>/*`.
 */
function inventoryRoot(key: string): string {
  const parts = key.split('/');
  return parts.length > 2 ? `${parts.slice(0, -2).join('/')}/*` : '*';
}

/** Every statement the job's role needs, the operation's first. */
export function jobPermissionNeeds(a: JobAccess): PermissionNeed[] {
  const needs = operationNeeds(a);
  // Batch Operations asks where the manifest and report buckets are (the docs' examples allow it).
  const location = (sid: string, purpose: PermissionPurpose, bucket: string): PermissionNeed => ({
    sid,
    purpose,
    actions: ['s3:GetBucketLocation'],
    versionActions: ['s3:GetBucketLocation'],
    resources: [s3Arn(a.partition, bucket)],
  });
  const m = a.manifest;
  if (m.format === 'generated') {
    // A generated manifest is written by S3 where the job saves it, then read back.
    if (m.output)
      needs.push(
        {
          sid: 'ManifestWrite',
          purpose: 'manifest read',
          actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
          versionActions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
          resources: [s3Arn(a.partition, `${m.output.bucket}/${asPrefix(m.output.prefix)}*`)],
        },
        location('ManifestBucket', 'manifest read', m.output.bucket),
      );
  } else {
    const manifestObject = s3Arn(a.partition, `${m.bucket}/${m.key}`);
    const manifestResources =
      m.format === 'inventory'
        ? [manifestObject, s3Arn(a.partition, `${m.bucket}/${inventoryRoot(m.key)}`)]
        : [manifestObject];
    needs.push({
      sid: 'ManifestRead',
      purpose: 'manifest read',
      actions: [m.versionId ? 's3:GetObjectVersion' : 's3:GetObject'],
      versionActions: [m.versionId ? 's3:GetObjectVersion' : 's3:GetObject'],
      resources: manifestResources,
    });
    needs.push(location('ManifestBucket', 'manifest read', m.bucket));
  }
  if (a.report)
    needs.push(
      {
        sid: 'ReportWrite',
        purpose: 'report write',
        actions: ['s3:PutObject'],
        versionActions: ['s3:PutObject'],
        resources: [s3Arn(a.partition, `${a.report.bucket}/${asPrefix(a.report.prefix)}*`)],
      },
      location('ReportBucket', 'report write', a.report.bucket),
    );
  return needs;
}

/** The trust policy that lets S3 Batch Operations assume the role. */
export function batchOperationsTrustPolicy(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: BATCH_OPERATIONS_PRINCIPAL }, Action: 'sts:AssumeRole' },
    ],
  };
}

/** The least-privilege permission policy: both the plain and the version actions, as the docs' examples. */
export function permissionPolicy(a: JobAccess): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: jobPermissionNeeds(a).map((n) => ({
      Sid: n.sid,
      Effect: 'Allow',
      Action: [...new Set([...n.actions, ...n.versionActions])],
      Resource: n.resources.length === 1 ? n.resources[0] : [...n.resources],
    })),
  };
}
