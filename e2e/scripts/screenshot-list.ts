/**
 * The console's screenshots, in the order a reader meets them: a file's number is its place here, so a
 * new page is one line. An entry with a `route` is captured by the pages pass (opened, its heading
 * awaited, after the journeys made jobs); the others are captured where the journeys reach them.
 */
export const screenshotList = [
  { name: 'jobs-empty' },
  { name: 'wizard-manifest' },
  { name: 'wizard-browse-s3' },
  { name: 'wizard-operation' },
  { name: 'wizard-options' },
  { name: 'wizard-review' },
  { name: 'job-suspended' },
  { name: 'run-job-modal' },
  { name: 'job-complete' },
  { name: 'jobs-list' },
  { name: 'jobs-list-dark' },
  { name: 'jobs-overview' },
  { name: 'dashboard', route: '/batch-operations/dashboard', heading: 'Dashboard' },
  { name: 'job-chart' },
  { name: 'wizard-permissions-narrow-role' },
  { name: 'role-template-modal' },
  { name: 'job-completed-with-failures' },
  { name: 'access-denied-by-action' },
  { name: 'wizard-replication-manifest' },
  { name: 'wizard-replicate-only' },
  { name: 'wizard-restore' },
  { name: 'wizard-lambda' },
  { name: 'wizard-legal-hold' },
  { name: 'wizard-retention' },
  { name: 'wizard-checksum' },
  { name: 'wizard-update-encryption' },
  { name: 'buckets', route: '/buckets', heading: 'Buckets' },
  { name: 'bucket-objects' },
  { name: 'replication-rule-form' },
  { name: 'replicate-existing-objects' },
  { name: 'batch-replication-job' },
  { name: 'bucket-replication-rules' },
  { name: 'bucket-replicas' },
] as const satisfies readonly { name: string; route?: string; heading?: string }[];

export type ScreenshotName = (typeof screenshotList)[number]['name'];

/** `screenshots/NN-name.png`, NN its place in the list. */
export function screenshotFile(name: ScreenshotName): string {
  const n = screenshotList.findIndex((s) => s.name === name) + 1;
  return `screenshots/${String(n).padStart(2, '0')}-${name}.png`;
}
