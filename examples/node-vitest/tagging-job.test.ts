import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { CreateJobCommand, DescribeJobCommand } from '@aws-sdk/client-s3-control';
import { expect, inject, it } from 'vitest';
import { ACCOUNT_ID, clientsFor } from './clients.js';

const { s3, iam, s3control } = clientsFor(inject('localAwsUrl'));
const bucket = 'example-photos';
const keys = ['2024/a.jpg', '2024/b.jpg', 'raw/c d.jpg'];

it('a tagging job tags every object of a CSV manifest and reports each task', async () => {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  // CSV manifest: bucket,key — keys URL-encoded, no header.
  const csv = keys.map((k) => `${bucket},${encodeURIComponent(k)}`).join('\n');
  const manifest = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'manifest.csv', Body: csv }));

  // Jobs run as their role: it must trust Batch Operations and allow what the job does.
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'example-tagging-job',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'batchoperations.s3.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'example-tagging-job',
      PolicyName: 'tag-and-report',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObjectTagging', 's3:PutObject'],
            Resource: `arn:aws:s3:::${bucket}/*`,
          },
          // The report is written to this bucket: its Region is read first.
          { Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: `arn:aws:s3:::${bucket}` },
        ],
      }),
    }),
  );

  const { JobId } = await s3control.send(
    new CreateJobCommand({
      AccountId: ACCOUNT_ID,
      ConfirmationRequired: false,
      Priority: 10,
      RoleArn: role.Role?.Arn,
      ClientRequestToken: 'example-tagging-job-1',
      Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'reviewed', Value: 'yes' }] } },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: `arn:aws:s3:::${bucket}/manifest.csv`, ETag: manifest.ETag },
      },
      Report: {
        Enabled: true,
        Bucket: `arn:aws:s3:::${bucket}`,
        Prefix: 'reports',
        Format: 'Report_CSV_20180820',
        ReportScope: 'AllTasks',
      },
    }),
  );

  let job = (await s3control.send(new DescribeJobCommand({ AccountId: ACCOUNT_ID, JobId }))).Job;
  for (let i = 0; i < 300 && job?.Status !== 'Complete' && job?.Status !== 'Failed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await s3control.send(new DescribeJobCommand({ AccountId: ACCOUNT_ID, JobId }))).Job;
  }
  expect(job?.FailureReasons ?? []).toEqual([]);
  expect(job?.Status).toBe('Complete');

  // The completion report: reports/job-<id>/manifest.json names the result CSVs.
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: `reports/job-${JobId}/results/` }),
  );
  const rows: string[][] = [];
  for (const o of listed.Contents ?? []) {
    const body = await (
      await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key }))
    ).Body?.transformToString();
    for (const line of (body ?? '').split('\n').filter(Boolean)) rows.push(line.split(','));
  }
  // Each row: bucket, key (URL-encoded), version ID, task status, error code, HTTP status, result message.
  expect(rows.map((r) => decodeURIComponent(r[1] ?? '')).sort()).toEqual([...keys].sort());
  expect(rows.every((r) => r[3] === 'succeeded')).toBe(true);

  const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'raw/c d.jpg' }));
  expect(tags.TagSet).toEqual([{ Key: 'reviewed', Value: 'yes' }]);
});
