// Mutation testing of the critical modules (issue 20): `npm run mutation` (incremental: only mutants
// in changed code or covered by changed tests run again). Scores: scripts/mutation/README.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'scripts/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/local-aws/src/iam/policy-evaluation.ts',
    'packages/local-aws/src/sigv4/verify-sigv4.ts',
    'packages/batch-formats/src/csv-manifest.ts',
    'packages/batch-formats/src/csv.ts',
    'packages/batch-formats/src/job-status.ts',
    'packages/batch-formats/src/console-status.ts',
    'packages/batch-formats/src/job-permissions.ts',
    'packages/batch-formats/src/completion-report.ts',
    'packages/batch-formats/src/replication-rules.ts',
    'packages/engine/src/scheduler.ts',
    'packages/engine/src/report/completion-report.ts',
    'packages/local-aws/src/iam/job-roles.ts',
    'apps/bff/src/web/allowed-hosts.ts',
    'apps/bff/src/web/same-origin.ts',
  ],
  // The sandbox copies what the unit tests need: not the tools, the console, e2e or the examples.
  ignorePatterns: ['.tools', 'apps/web', 'e2e', 'examples', 'docs', '**/test-results', '**/*.tgz'],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: '.tools/mutation/stryker-incremental.json',
  tempDirName: '.tools/mutation/tmp',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tools/mutation/report.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 20_000,
};
