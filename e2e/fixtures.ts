import { test as base } from '@playwright/test';
import { CreateJobWizard } from './pages/create-job-wizard';
import { JobDetailsPage } from './pages/job-details-page';
import { JobsPage } from './pages/jobs-page';

export const demo = {
  sourceBucket: 'batchops-demo-source',
  manifestUri: 's3://batchops-demo-source/manifests/demo-manifest.csv',
  reportsBucket: 'batchops-demo-reports',
  objects: 540,
} as const;

export const test = base.extend<{ jobsPage: JobsPage; wizard: CreateJobWizard; jobPage: JobDetailsPage }>({
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
