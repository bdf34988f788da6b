import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetBucketReplicationCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type ReplicationRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import { countJobsByStatus, iamClientFor, s3ClientFor, s3ControlClientFor } from '@batchops/test-support';
import type { APIRequestContext } from '@playwright/test';

const localAwsPort = Number(process.env.E2E_LOCAL_AWS_PORT ?? 14566);

/** The tests' local-aws endpoint. */
export const localAwsEndpoint = `http://127.0.0.1:${localAwsPort}`;

/** An S3 client on the tests' local-aws, as any SDK user would make one. */
export function localS3(): S3Client {
  return s3ClientFor(localAwsEndpoint);
}

export async function putObject(bucket: string, key: string, body: string): Promise<void> {
  const s3 = localS3();
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  } finally {
    s3.destroy();
  }
}

/** A versioned bucket holding objects already (the "existing objects" Batch Replication is for). */
export async function createVersionedBucket(bucket: string, objects: Record<string, string>): Promise<void> {
  const s3 = localS3();
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    for (const [key, body] of Object.entries(objects))
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  } finally {
    s3.destroy();
  }
}

/** Create a tagging job over the demo manifest through the console's own API (setup, not the journey). */
export async function createTaggingJob(
  request: APIRequestContext,
  opts: {
    description: string;
    tags?: { key: string; value: string }[];
    manifestKey?: string;
    runOption?: 'wait' | 'auto';
    priority?: number;
  },
): Promise<string> {
  const res = await request.post('/api/jobs', {
    data: {
      manifest: {
        format: 'csv',
        bucket: 'batchops-demo-source',
        key: opts.manifestKey ?? 'manifests/demo-manifest.csv',
      },
      operation: { type: 'tagging', tags: [{ key: 'e2e', value: 'yes' }] },
      description: opts.description,
      priority: opts.priority ?? 10,
      report: { enabled: true, bucket: 'batchops-demo-reports', prefix: 'reports', scope: 'AllTasks' },
      roleArn: 'arn:aws:iam::000000000000:role/batchops-demo',
      tags: opts.tags ?? [],
      runOption: opts.runOption ?? 'wait',
      clientRequestToken: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
  });
  if (res.status() !== 201) throw new Error(`create job: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { jobId: string }).jobId;
}

/** A role Batch Operations may assume whose one policy allows reading objects only: any job's pre-flight fails on it. */
export async function createReadOnlyRole(roleName: string): Promise<void> {
  const iam = iamClientFor(localAwsEndpoint);
  const policy = (Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: policy([
          {
            Effect: 'Allow',
            Principal: { Service: 'batchoperations.s3.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ]),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'read-only',
        PolicyDocument: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      }),
    );
  } finally {
    iam.destroy();
  }
}

/** The account's jobs by status, read with ListJobs as any SDK user would. */
export async function jobCountsByStatus(): Promise<Partial<Record<string, number>>> {
  const ctl = s3ControlClientFor(localAwsEndpoint);
  try {
    return await countJobsByStatus(ctl);
  } finally {
    ctl.destroy();
  }
}

/** A bucket's replication rules as GetBucketReplication answers them (none: no configuration). */
export async function replicationRules(bucket: string): Promise<ReplicationRule[]> {
  const s3 = localS3();
  try {
    const out = await s3.send(new GetBucketReplicationCommand({ Bucket: bucket }));
    return out.ReplicationConfiguration?.Rules ?? [];
  } catch (err) {
    if ((err as { name?: string }).name === 'ReplicationConfigurationNotFoundError') return [];
    throw err;
  } finally {
    s3.destroy();
  }
}

/** Every key of a bucket under a prefix (ListObjectsV2, all pages), sorted. */
export async function listKeys(bucket: string, prefix = ''): Promise<string[]> {
  const s3 = localS3();
  const keys: string[] = [];
  try {
    let token: string | undefined;
    do {
      const out = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) keys.push(o.Key ?? '');
      token = out.NextContinuationToken;
    } while (token);
  } finally {
    s3.destroy();
  }
  return keys.sort();
}
