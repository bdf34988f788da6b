import { test as base } from '@playwright/test';
import { BatchReplicationJobForm } from './pages/batch-replication-job-form';
import { BucketPage } from './pages/bucket-page';
import { BucketsPage } from './pages/buckets-page';
import { CreateJobWizard } from './pages/create-job-wizard';
import { JobDetailsPage } from './pages/job-details-page';
import { JobsPage } from './pages/jobs-page';
import { ReplicationRuleForm } from './pages/replication-rule-form';

export const demo = {
  sourceBucket: 'batchops-demo-source',
  manifestUri: 's3://batchops-demo-source/manifests/demo-manifest.csv',
  reportsBucket: 'batchops-demo-reports',
  objects: 540,
} as const;

export const test = base.extend<{
  jobsPage: JobsPage;
  wizard: CreateJobWizard;
  jobPage: JobDetailsPage;
  bucketsPage: BucketsPage;
  bucketPage: BucketPage;
  ruleForm: ReplicationRuleForm;
  batchJobForm: BatchReplicationJobForm;
}>({
  bucketsPage: async ({ page }, use) => {
    await use(new BucketsPage(page));
  },
  bucketPage: async ({ page }, use) => {
    await use(new BucketPage(page));
  },
  ruleForm: async ({ page }, use) => {
    await use(new ReplicationRuleForm(page));
  },
  batchJobForm: async ({ page }, use) => {
    await use(new BatchReplicationJobForm(page));
  },
  jobsPage: async ({ page }, use) => {
    await use(new JobsPage(page));
  },
  wizard: async ({ page }, use) => {
    await use(new CreateJobWizard(page));
  },
  jobPage: async ({ page }, use) => {
    await use(new JobDetailsPage(page));
  },
});

export { expect } from '@playwright/test';
