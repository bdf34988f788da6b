import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef, TaskOutcome } from './operations/operation.js';

/** What a job's calls go through, each acting as the job's role (decision 0022); the host gives them. */
export interface JobAccess {
  /** The S3 client a job's tasks, manifest reads and report writes go through. */
  readonly s3: (accountId: string, region: string, roleArn: string) => S3Client;
  /**
   * S3's own reads of a source bucket behind a generated manifest (on AWS an S3 Inventory the job's
   * role configures, so the role needs no s3:ListBucket); absent: the role's client reads it.
   */
  readonly inventoryS3?: (accountId: string, region: string) => S3Client;
  /** The Lambda client LambdaInvoke tasks call functions of a Region through. */
  readonly lambda?: (accountId: string, region: string, roleArn: string) => LambdaClient;
  /**
   * Batch Replication of one version, in-process (decision 0017): S3 does it inside the service,
   * so no public call may do it.
   */
  readonly replicate?: (
    accountId: string,
    region: string,
    roleArn: string,
    object: ObjectRef,
  ) => Promise<TaskOutcome>;
}
