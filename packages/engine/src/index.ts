export {
  isJobStatus,
  JOB_STATUSES,
  type JobStatus,
  nextStatusOnRequest,
  type RequestedJobStatus,
} from '@batchops/batch-formats';
export {
  Engine,
  type EngineOptions,
  type JobChange,
  LIST_RETENTION_MS,
  SUSPENDED_LIMIT_MS,
} from './engine.js';
export { type CreateJobInput, JobError, type JobErrorCode, type S3Tag } from './job-types.js';
