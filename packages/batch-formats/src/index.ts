export * from './arn.js';
export * from './completion-report.js';
export * from './csv.js';
export * from './csv-manifest.js';
export * from './etag.js';
export * from './job-permissions.js';
export * from './job-status.js';
export * from './manifest-error.js';
