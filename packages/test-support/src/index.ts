export * from './aws-clients.js';
export * from './batch-jobs.js';
export * from './csv-jobs.js';
export * from './eventually.js';
export * from './fuzz-runner.js';
export * from './seeded-random.js';
export * from './zip-writer.js';
export * from './iam-setup.js';
