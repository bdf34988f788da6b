import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  type JobDescriptor,
  type S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { TEST_ACCOUNT_ID, TEST_ROLE_ARN } from './aws-clients.js';
import { waitForJob } from './batch-jobs.js';

/** Where a CSV manifest is, as CreateJob's Manifest.Location names it. */
export interface ManifestLocation {
  readonly ObjectArn: string;
  readonly ETag: string | undefined;
}

/** Put `rows` as a CSV manifest; its location with the ETag unquoted, as CreateJob takes it. */
export async function putCsvManifest(
  s3: S3Client,
  bucket: string,
  key: string,
  rows: readonly string[],
): Promise<ManifestLocation> {
  const out = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: rows.join('\n') }));
  return { ObjectArn: `arn:aws:s3:::${bucket}/${key}`, ETag: out.ETag?.replaceAll('"', '') };
}

export interface CsvJobSpec {
  readonly operation: CreateJobCommandInput['Operation'];
  readonly manifest: ManifestLocation;
  readonly fields?: Array<'Bucket' | 'Key' | 'VersionId'>;
  /** The completion report (all tasks) goes to s3://<reportBucket>/<reportPrefix>/job-<id>/. */
  readonly reportBucket: string;
  readonly reportPrefix: string;
  readonly roleArn?: string;
  readonly priority?: number;
  readonly accountId?: string;
}

/** A CreateJob request that runs at once over a CSV manifest and reports every task. */
export function csvJobInput(spec: CsvJobSpec): CreateJobCommandInput {
  return {
    AccountId: spec.accountId ?? TEST_ACCOUNT_ID,
    ConfirmationRequired: false,
    Operation: spec.operation,
    Manifest: {
      Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: spec.fields ?? ['Bucket', 'Key'] },
      Location: { ObjectArn: spec.manifest.ObjectArn, ETag: spec.manifest.ETag },
    },
    Report: {
      Enabled: true,
      Bucket: `arn:aws:s3:::${spec.reportBucket}`,
      Format: 'Report_CSV_20180820',
      Prefix: spec.reportPrefix,
      ReportScope: 'AllTasks',
    },
    Priority: spec.priority ?? 10,
    RoleArn: spec.roleArn ?? TEST_ROLE_ARN,
  };
}

/** Create the job and wait until it is Complete or Failed. */
export async function runJobToEnd(
  ctl: S3ControlClient,
  input: CreateJobCommandInput,
  timeoutMs = 30_000,
): Promise<JobDescriptor & { JobId: string }> {
  const { JobId } = await ctl.send(new CreateJobCommand(input));
  const job = await waitForJob(ctl, JobId as string, ['Complete', 'Failed'], {
    accountId: input.AccountId,
    timeoutMs,
  });
  return { ...job, JobId: JobId as string };
}
