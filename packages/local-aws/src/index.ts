export { ServiceError } from './errors/service-error.js';
export type { JobListEntry, JobsBackend, ListJobsQuery } from './s3control/jobs-backend.js';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CREDENTIALS,
  type LocalAwsHandle,
  type LocalAwsOptions,
  startLocalAws,
} from './server.js';
export type { Credential } from './sigv4/verify-sigv4.js';
