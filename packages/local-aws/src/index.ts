export { DEMO_MANIFEST_KEY, DEMO_REPORTS_BUCKET, DEMO_ROLE_ARN, DEMO_SOURCE_BUCKET } from './demo-seed.js';
export { ServiceError } from './errors/service-error.js';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CREDENTIALS,
  type LocalAwsHandle,
  type LocalAwsOptions,
  startLocalAws,
} from './server.js';
export type { Credential } from './sigv4/verify-sigv4.js';
