import { bucketOfArn } from '@batchops/batch-formats';
import type { JobDetails } from '@batchops/contracts';

/** "All tasks to s3://bucket/prefix" — S3 Control names the bucket by ARN; people read the name. */
export function describeReport(report: JobDetails['report']): string {
  if (!report.enabled) return 'No report';
  const bucket = bucketOfArn(report.bucket ?? '');
  const scope = report.scope === 'FailedTasksOnly' ? 'Failed tasks only' : 'All tasks';
  return `${scope} to s3://${bucket}/${report.prefix ?? ''}`;
}
