import { z } from 'zod';
import { JobWizardModel } from './job-wizard.js';

export const ReportQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One completion report row (Bucket, Key, VersionId, TaskStatus, HTTPStatusCode, ErrorCode, ResultMessage). */
export const ReportRow = z.object({
  bucket: z.string(),
  /** The key as the report has it (URL-encoded, as in the manifest). */
  key: z.string(),
  versionId: z.string().nullable(),
  taskStatus: z.enum(['succeeded', 'failed']),
  httpStatusCode: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  resultMessage: z.string().nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ErrorCodeCount = z.object({ errorCode: z.string(), count: z.number().int().positive() });
export type ErrorCodeCount = z.infer<typeof ErrorCodeCount>;

/** AccessDenied failures of one action (the action parsed from the task's message). */
export const DeniedActionCount = z.object({
  /** `s3:PutObjectTagging`; null when the message names no action (S3's bare "Access Denied"). */
  action: z.string().nullable(),
  count: z.number().int().positive(),
  /** One resource the action was denied on, as the message names it. */
  exampleResource: z.string().nullable(),
});
export type DeniedActionCount = z.infer<typeof DeniedActionCount>;

/** GET /api/jobs/:id/report — rows failed first, paged. */
export const JobReport = z.object({
  jobId: z.string(),
  bucket: z.string(),
  manifestKey: z.string(),
  /** Keys of the report's files: results CSVs, then manifest.json. */
  files: z.array(z.string()),
  total: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Failed rows per error code, most frequent first. */
  errorCodes: z.array(ErrorCodeCount),
  /** AccessDenied failures grouped by the missing action, most frequent first. */
  deniedActions: z.array(DeniedActionCount),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  rows: z.array(ReportRow),
});
export type JobReport = z.infer<typeof JobReport>;

export const RetryFailedResponse = z.object({
  jobId: z.string(),
  /** The CSV manifest of the failed rows, in the report bucket. */
  manifestKey: z.string(),
  tasks: z.number().int().positive(),
});
export type RetryFailedResponse = z.infer<typeof RetryFailedResponse>;

/** POST /api/jobs/:id/retry-manifest — the failed rows as a CSV manifest, and the job over them for the wizard. */
export const RetryManifestResponse = RetryFailedResponse.omit({ jobId: true }).extend({
  model: JobWizardModel,
});
export type RetryManifestResponse = z.infer<typeof RetryManifestResponse>;
