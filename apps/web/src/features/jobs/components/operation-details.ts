import type { JobDetails } from '@batchops/contracts';
import type { DetailItem } from '../operations/operation-module';
import { operationModelItems } from '../operations/operation-registry';

const isTag = (v: unknown): v is { Key: string; Value?: string } =>
  typeof v === 'object' && v !== null && 'Key' in v;

/** Parameters as people read them: tag sets as key=value, other objects as JSON. */
export const showParam = (v: unknown): string => {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v) && v.every(isTag)) return v.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') || '-';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

const str = (v: unknown, none = '-'): string =>
  v === undefined || v === null || v === '' ? none : String(v);

/**
 * The operation as the job's page shows it: the typed operation the BFF mapped (S3 console wording),
 * or, for an operation the wizard does not offer, its parameters as S3 Control names them.
 */
export function operationDetailItems(
  job: Pick<JobDetails, 'operationModel' | 'operationParameters'>,
): DetailItem[] {
  if (job.operationModel) return operationModelItems(job.operationModel);
  return Object.entries(job.operationParameters).map(([k, v]) => ({ label: k, value: showParam(v) }));
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
