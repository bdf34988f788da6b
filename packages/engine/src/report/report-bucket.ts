import { GetBucketLocationCommand, type S3Client } from '@aws-sdk/client-s3';
import { bucketOfArn } from '@batchops/batch-formats';
import type { StoredJob } from '../job-store.js';
import { PrepareError } from '../manifest/prepare-manifest.js';

/**
 * A job with a report needs its report bucket: fail while Preparing, before any task runs.
 * GetBucketLocation, not HeadBucket: the documented report permissions are s3:PutObject and
 * s3:GetBucketLocation, without s3:ListBucket.
 */
export async function checkReportBucket(s3: S3Client, job: StoredJob): Promise<void> {
  const report = job.request.Report;
  if (!report?.Enabled || !report.Bucket) return;
  const bucket = bucketOfArn(report.Bucket);
  try {
    await s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
  } catch (e) {
    const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = err.$metadata?.httpStatusCode;
    if (status === 404 || err.name === 'NotFound' || err.name === 'NoSuchBucket') {
      throw new PrepareError('NoSuchBucket', `The report bucket ${bucket} does not exist`);
    }
    throw new PrepareError(
      err.name || 'ReportBucketError',
      `Reading the report bucket ${bucket} failed: ${err.message ?? status ?? 'unknown error'}`,
    );
  }
}
