import { z } from 'zod';

/** JobStatus enum of the S3 Control model (2018-08-20). */
export const jobStatuses = [
  'Active',
  'Cancelled',
  'Cancelling',
  'Complete',
  'Completing',
  'Failed',
  'Failing',
  'New',
  'Paused',
  'Pausing',
  'Preparing',
  'Ready',
  'Suspended',
] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

/** OperationName enum of the S3 Control model. */
export const operationNames = [
  'LambdaInvoke',
  'S3PutObjectCopy',
  'S3PutObjectAcl',
  'S3PutObjectTagging',
  'S3DeleteObjectTagging',
  'S3InitiateRestoreObject',
  'S3PutObjectLegalHold',
  'S3PutObjectRetention',
  'S3ReplicateObject',
  'S3ComputeObjectChecksum',
  'S3UpdateObjectEncryption',
] as const;
export const OperationName = z.enum(operationNames);
export type OperationName = z.infer<typeof OperationName>;

export const JobProgress = z.object({
  totalTasks: z.number().int().nonnegative().nullable(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  elapsedActiveSeconds: z.number().int().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** One row of the job list (S3 Control JobListDescriptor). Times are ISO-8601 strings. */
export const JobSummary = z.object({
  jobId: z.string(),
  description: z.string().nullable(),
  operation: OperationName.nullable(),
  priority: z.number().int(),
  status: JobStatus,
  creationTime: z.string().datetime(),
  terminationDate: z.string().datetime().nullable(),
  progress: JobProgress,
});
export type JobSummary = z.infer<typeof JobSummary>;

export const ListJobsResponse = z.object({
  jobs: z.array(JobSummary),
});
export type ListJobsResponse = z.infer<typeof ListJobsResponse>;

/** Query of GET /api/jobs, parsed at the BFF boundary. */
export const ListJobsQuery = z.object({
  /** `?status=Active&status=Suspended`; one value arrives as a string. */
  status: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(JobStatus)),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;
