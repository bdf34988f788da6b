import type { Credential } from './sigv4/verify-sigv4.js';

export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_CREDENTIALS: readonly Credential[] = [
  { accessKeyId: 'test', secretAccessKey: 'test', accountId: DEFAULT_ACCOUNT_ID },
];
