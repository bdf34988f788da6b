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

/** The pages a replication journey passes through: buckets, a bucket, the rule form, the job settings, jobs. */
export interface ReplicationPages {
  readonly bucketsPage: BucketsPage;
  readonly bucketPage: BucketPage;
  readonly ruleForm: ReplicationRuleForm;
  readonly batchJobForm: BatchReplicationJobForm;
  readonly jobPage: JobDetailsPage;
  readonly jobsPage: JobsPage;
}

export const test = base.extend<{
  jobsPage: JobsPage;
  wizard: CreateJobWizard;
  jobPage: JobDetailsPage;
  bucketsPage: BucketsPage;
  bucketPage: BucketPage;
  ruleForm: ReplicationRuleForm;
  batchJobForm: BatchReplicationJobForm;
  replicationPages: ReplicationPages;
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
  replicationPages: async ({ page }, use) => {
    await use({
      bucketsPage: new BucketsPage(page),
      bucketPage: new BucketPage(page),
      ruleForm: new ReplicationRuleForm(page),
      batchJobForm: new BatchReplicationJobForm(page),
      jobPage: new JobDetailsPage(page),
      jobsPage: new JobsPage(page),
    });
  },
});

export { expect } from '@playwright/test';
