export { DEFAULT_ACCOUNT_ID, DEFAULT_CREDENTIALS } from './defaults.js';
export {
  DEMO_MANIFEST_KEY,
  DEMO_READONLY_ROLE_ARN,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
} from './demo-seed.js';
export { ServiceError } from './errors/service-error.js';
export type { HandlerResult, LocalAwsRequest, RequestHandler } from './http/handler-types.js';
export {
  BATCH_OPERATIONS_TRUST_POLICY,
  type RoleSeed,
  TEST_ROLE,
  TEST_ROLE_ARN,
} from './iam/role-seeds.js';
export type { LocalAws, LocalAwsHandle, LocalAwsOptions } from './local-aws-options.js';
export {
  DEFAULT_RESTORE_DELAY_MS,
  parseRestoreDelays,
  type RestoreDelayOption,
  restoreDelays,
} from './s3/restore-timing.js';
export { createLocalAws, startLocalAws } from './server.js';
export type { Credential } from './sigv4/verify-sigv4.js';
