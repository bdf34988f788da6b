export * from './connection.js';
export * from './errors.js';
export * from './jobs.js';
