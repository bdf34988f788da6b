export * from './job-status.js';
