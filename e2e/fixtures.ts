import { test as base, type Page } from '@playwright/test';
import { BatchReplicationJobForm } from './pages/batch-replication-job-form';
import { BucketPage } from './pages/bucket-page';
import { BucketsPage } from './pages/buckets-page';
import { CreateJobWizard } from './pages/create-job-wizard';
import { DashboardPage } from './pages/dashboard-page';
import { JobDetailsPage } from './pages/job-details-page';
import { JobsPage } from './pages/jobs-page';
import { ReplicationRuleForm } from './pages/replication-rule-form';

export const demo = {
  sourceBucket: 'batchops-demo-source',
  manifestUri: 's3://batchops-demo-source/manifests/demo-manifest.csv',
  reportsBucket: 'batchops-demo-reports',
  objects: 540,
} as const;

/** A fixture that builds a page object on the test's page (Playwright reads `{ page }` as its dependency). */
function pageObject<T>(PageObject: new (page: Page) => T) {
  return async ({ page }: { page: Page }, use: (po: T) => Promise<void>) => {
    await use(new PageObject(page));
  };
}

export const test = base.extend<{
  jobsPage: JobsPage;
  wizard: CreateJobWizard;
  jobPage: JobDetailsPage;
  bucketsPage: BucketsPage;
  bucketPage: BucketPage;
  ruleForm: ReplicationRuleForm;
  batchJobForm: BatchReplicationJobForm;
  dashboard: DashboardPage;
}>({
  dashboard: pageObject(DashboardPage),
  bucketsPage: pageObject(BucketsPage),
  bucketPage: pageObject(BucketPage),
  ruleForm: pageObject(ReplicationRuleForm),
  batchJobForm: pageObject(BatchReplicationJobForm),
  jobsPage: pageObject(JobsPage),
  wizard: pageObject(CreateJobWizard),
  jobPage: pageObject(JobDetailsPage),
});

export { expect } from '@playwright/test';
