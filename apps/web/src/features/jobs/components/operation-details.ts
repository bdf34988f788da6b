import type { JobDetails } from '@batchops/contracts';

export interface DetailItem {
  readonly label: string;
  readonly value: string;
}

const isTag = (v: unknown): v is { Key: string; Value?: string } =>
  typeof v === 'object' && v !== null && 'Key' in v;

/** Parameters as people read them: tag sets as key=value, other objects as JSON. */
export const showParam = (v: unknown): string => {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v) && v.every(isTag)) return v.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') || '-';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

type Params = Record<string, unknown>;
const obj = (v: unknown): Params => (typeof v === 'object' && v !== null ? (v as Params) : {});
const str = (v: unknown, none = '-'): string =>
  v === undefined || v === null || v === '' ? none : String(v);

/** The operation's parameters as the job's page shows them, per operation (S3 console wording). */
export function operationDetailItems(
  job: Pick<JobDetails, 'operation' | 'operationParameters'>,
): DetailItem[] {
  const p = job.operationParameters;
  switch (job.operation) {
    case 'S3ReplicateObject':
      return [{ label: 'Replication', value: "The source bucket's replication configuration" }];
    case 'S3InitiateRestoreObject':
      return [
        {
          label: 'Restored copy available for',
          value:
            p.ExpirationInDays === undefined
              ? 'No expiration (Intelligent-Tiering archive tiers)'
              : `${p.ExpirationInDays} day(s)`,
        },
        {
          label: 'Retrieval tier',
          value:
            p.GlacierJobTier === 'STANDARD'
              ? 'Standard'
              : str(p.GlacierJobTier) === 'BULK'
                ? 'Bulk'
                : str(p.GlacierJobTier),
        },
      ];
    case 'LambdaInvoke': {
      const args = Object.entries(obj(p.UserArguments));
      return [
        { label: 'Lambda function', value: str(p.FunctionArn) },
        { label: 'Invocation schema version', value: str(p.InvocationSchemaVersion, '1.0') },
        { label: 'User arguments', value: args.map(([k, v]) => `${k}=${String(v)}`).join(', ') || '-' },
      ];
    }
    case 'S3PutObjectLegalHold': {
      const status = obj(p.LegalHold).Status;
      return [
        {
          label: 'Legal hold',
          value: status === 'ON' ? 'Enable (ON)' : status === 'OFF' ? 'Disable (OFF)' : str(status),
        },
      ];
    }
    case 'S3PutObjectRetention': {
      const r = obj(p.Retention);
      const set = r.Mode !== undefined || r.RetainUntilDate !== undefined;
      return [
        ...(set
          ? [
              { label: 'Retention mode', value: str(r.Mode) },
              { label: 'Retain until', value: str(r.RetainUntilDate) },
            ]
          : [{ label: 'Retention', value: 'Removed' }]),
        { label: 'Bypass governance retention', value: p.BypassGovernanceRetention === true ? 'Yes' : 'No' },
      ];
    }
    case 'S3ComputeObjectChecksum':
      return [
        { label: 'Checksum function', value: str(p.ChecksumAlgorithm) },
        {
          label: 'Checksum type',
          value:
            p.ChecksumType === 'COMPOSITE'
              ? 'Composite'
              : p.ChecksumType === 'FULL_OBJECT'
                ? 'Full object'
                : str(p.ChecksumType),
        },
      ];
    case 'S3UpdateObjectEncryption': {
      const kms = obj(obj(p.ObjectEncryption).SSEKMS);
      return [
        { label: 'Encryption', value: 'SSE-KMS' },
        { label: 'AWS KMS key ARN', value: str(kms.KMSKeyArn) },
        { label: 'Bucket Key', value: kms.BucketKeyEnabled === true ? 'Enabled' : 'Disabled' },
      ];
    }
    default:
      return Object.entries(p).map(([k, v]) => ({ label: k, value: showParam(v) }));
  }
}

/** The manifest part of the configuration: the object, or what S3 generates it from. */
export function manifestDetailItems(job: Pick<JobDetails, 'manifest' | 'manifestGenerator'>): DetailItem[] {
  const g = job.manifestGenerator;
  if (g)
    return [
      { label: 'Manifest', value: 'Created using S3 Replication configuration' },
      { label: 'Source bucket', value: `s3://${g.sourceBucket}` },
      { label: 'Created after', value: str(g.createdAfter) },
      { label: 'Created before', value: str(g.createdBefore) },
      { label: 'Replication status', value: g.replicationStatuses.join(', ') || 'Any' },
      {
        label: 'Generated manifest',
        value:
          g.generatedManifestArn ??
          (g.output ? `Saved to s3://${g.output.bucket}/${g.output.prefix ?? ''}` : 'Not saved'),
      },
    ];
  const m = job.manifest;
  return [
    { label: 'Manifest', value: m ? `s3://${m.bucket}/${m.key}` : '-' },
    { label: 'Manifest format', value: m ? (m.format === 'csv' ? 'CSV' : 'S3 inventory report') : '-' },
    { label: 'Manifest ETag', value: m?.etag ?? '-' },
    { label: 'Manifest version ID', value: m?.versionId ?? '-' },
  ];
}
