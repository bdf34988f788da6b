export {
  Engine,
  type EngineOptions,
  type JobChange,
  LIST_RETENTION_MS,
  SUSPENDED_LIMIT_MS,
} from './engine.js';
export * from './job-status.js';
export { type CreateJobInput, JobError, type JobErrorCode, type S3Tag } from './job-types.js';
export { type ManifestRow, readCsvManifest } from './manifest/csv-manifest.js';
export { ManifestError } from './manifest/manifest-error.js';
export { REPORT_SCHEMA } from './report/completion-report.js';
