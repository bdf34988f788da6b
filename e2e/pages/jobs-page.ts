import type { Locator, Page } from '@playwright/test';

/** The Batch Operations job list. */
export class JobsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyState: Locator;
  readonly createJobButtons: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Batch Operations' });
    this.table = page.getByRole('table');
    this.emptyState = this.table.getByText('No jobs', { exact: true });
    this.createJobButtons = page.getByRole('button', { name: 'Create job' });
    this.filter = page.getByRole('searchbox', { name: 'Find jobs' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }
}
