export {
  DEMO_MANIFEST_KEY,
  DEMO_READONLY_ROLE_ARN,
  DEMO_REPORTS_BUCKET,
  DEMO_ROLE_ARN,
  DEMO_SOURCE_BUCKET,
} from './demo-seed.js';
export { ServiceError } from './errors/service-error.js';
export type { HandlerResult } from './http/handler-types.js';
export type { LocalAwsRequest, RequestHandler } from './http/request-handler.js';
export {
  BATCH_OPERATIONS_TRUST_POLICY,
  createLocalAws,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CREDENTIALS,
  type LocalAws,
  type LocalAwsHandle,
  type LocalAwsOptions,
  type RoleSeed,
  startLocalAws,
  TEST_ROLE,
  TEST_ROLE_ARN,
} from './server.js';
export type { Credential } from './sigv4/verify-sigv4.js';
