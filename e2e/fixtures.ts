import { test as base } from '@playwright/test';
import { JobsPage } from './pages/jobs-page';

export const test = base.extend<{ jobsPage: JobsPage }>({
  jobsPage: async ({ page }, use) => {
    await use(new JobsPage(page));
  },
});

export { expect } from '@playwright/test';
