export {
  isJobStatus,
  JOB_STATUSES,
  type JobStatus,
  nextStatusOnRequest,
  type RequestedJobStatus,
} from '@batchops/batch-formats';
export {
  checksumHasher,
  createHasher,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  type Hasher,
} from './digests.js';
export { Engine, type EngineOptions, type JobChange, LIST_RETENTION_MS } from './engine.js';
export { JobStore } from './job-store.js';
export { type CreateJobInput, JobError, type JobErrorCode, type S3Tag } from './job-types.js';
export { type RoleRefusal, SUSPENDED_LIMIT_MS } from './lifecycle.js';
export type { ObjectRef, TaskOutcome } from './operations/operation.js';
export { FAILURE_THRESHOLD_MIN_TASKS } from './scheduler.js';
export {
  openSqlite,
  pragmaRows,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
  transactionOf,
} from './sqlite.js';
