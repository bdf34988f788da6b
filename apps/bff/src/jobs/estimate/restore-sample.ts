import type { S3Client } from '@aws-sdk/client-s3';
import { type ArchiveClass, mapBounded } from '@batchops/batch-formats';
import type { PreflightRequest } from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { headObject } from '../manifest-object.js';
import { sampleManifestRows } from '../preflight/manifest-sample.js';

// A restore is priced by the objects' archive class and the GB retrieved: both read with HeadObject
// from the manifest's first rows (a generated manifest has none before the job runs).

/** Objects looked at. */
const SAMPLE = 20;

export interface RestoreSample {
  readonly archiveClass: ArchiveClass;
  /** Average bytes of the objects sampled. */
  readonly averageBytes: number;
  readonly sampled: number;
}

export async function sampleRestoreObjects(
  deps: JobsServiceDeps,
  s3: S3Client,
  model: Pick<PreflightRequest, 'region' | 'manifest'>,
): Promise<RestoreSample | undefined> {
  if (model.manifest.format === 'replication') return undefined;
  try {
    const { rows } = await sampleManifestRows(deps, model);
    const heads = (
      await mapBounded(rows.slice(0, SAMPLE), 8, (row) => headObject(s3, row).catch(() => undefined))
    ).filter((h) => h !== undefined);
    if (heads.length === 0) return undefined;
    const deep = heads.filter((h) => h.StorageClass === 'DEEP_ARCHIVE').length;
    const bytes = heads.reduce((sum, h) => sum + (h.ContentLength ?? 0), 0);
    return {
      archiveClass: deep > heads.length / 2 ? 'DEEP_ARCHIVE' : 'GLACIER',
      averageBytes: bytes / heads.length,
      sampled: heads.length,
    };
  } catch {
    return undefined;
  }
}
