import type { JobDetails } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { describeReport } from './report-location';

const report = (over: Partial<JobDetails['report']>): JobDetails['report'] => ({
  enabled: true,
  bucket: null,
  prefix: null,
  format: 'Report_CSV_20180820',
  scope: 'AllTasks',
  ...over,
});

describe('describeReport', () => {
  it('names the bucket of the report ARN S3 Control gives, with the scope and prefix', () => {
    expect(describeReport(report({ bucket: 'arn:aws:s3:::demo-reports', prefix: 'batch' }))).toBe(
      'All tasks to s3://demo-reports/batch',
    );
    expect(describeReport(report({ bucket: 'arn:aws-cn:s3:::cn-reports', scope: 'FailedTasksOnly' }))).toBe(
      'Failed tasks only to s3://cn-reports/',
    );
  });

  it('says when there is no report', () => {
    expect(describeReport(report({ enabled: false }))).toBe('No report');
  });
});
