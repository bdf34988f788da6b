import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import type { JobOperation } from '@aws-sdk/client-s3-control';
import type { ManifestRow } from '@batchops/batch-formats';

/** What one task ended with; becomes one row of the completion report. */
export type TaskOutcome =
  | { readonly ok: true; readonly http: number; readonly message?: string }
  | { readonly ok: false; readonly http: number; readonly code: string; readonly message: string };

/** The object version one task names. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string | undefined;
}

export interface TaskContext {
  readonly s3: S3Client;
  /** The Lambda client of a Region, signed as the job's role (LambdaInvoke). */
  readonly lambda: (region: string) => LambdaClient;
  /** Batch Replication of one version as the job's role (S3ReplicateObject; no public S3 call does it). */
  readonly replicate: (object: ObjectRef) => Promise<TaskOutcome>;
  readonly accountId: string;
  /** The job's Region. */
  readonly region: string;
  readonly jobId: string;
  /** The task's key as its manifest line has it (URL-encoded); Lambda receives it so. */
  readonly encodedKey?: string;
  readonly now: () => Date;
}

/**
 * One Batch Operations operation. `check` refuses bad parameters when the job is created
 * (BadRequestException naming the field); `run` performs one task through the S3 API.
 */
export interface OperationModule<K extends keyof JobOperation = keyof JobOperation> {
  readonly name: K;
  check?(params: NonNullable<JobOperation[K]>): void;
  run(task: ManifestRow, params: NonNullable<JobOperation[K]>, ctx: TaskContext): Promise<TaskOutcome>;
}

interface SdkError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

/** An S3 call's outcome: 200 with a message, or the S3 error code and status. */
export async function outcomeOf(call: () => Promise<unknown>, message = 'Successful'): Promise<TaskOutcome> {
  try {
    await call();
    return { ok: true, http: 200, message };
  } catch (e) {
    return failedOutcome(e, 'The task failed.');
  }
}

/** A failed SDK call as the task's outcome: its HTTP status and error code (500 InternalError when absent). */
export function failedOutcome(e: unknown, fallback: string): TaskOutcome {
  const err = e as SdkError;
  return {
    ok: false,
    http: err.$metadata?.httpStatusCode ?? 500,
    code: err.name || 'InternalError',
    message: err.message || fallback,
  };
}
