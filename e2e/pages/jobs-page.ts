import { expect, type Locator, type Page } from '@playwright/test';

/** The Batch Operations job list. */
export class JobsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyState: Locator;
  readonly noMatchState: Locator;
  readonly createJobButtons: Locator;
  readonly filter: Locator;
  readonly runJobButton: Locator;
  readonly actionsButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Batch Operations' });
    this.table = page.getByRole('table');
    this.emptyState = this.table.getByText('No jobs', { exact: true });
    this.noMatchState = this.table.getByText('No matches', { exact: true });
    this.createJobButtons = page.getByRole('button', { name: 'Create job' });
    this.filter = page.getByRole('combobox', { name: 'Find jobs' });
    this.runJobButton = page.getByRole('button', { name: 'Run job', exact: true });
    this.actionsButton = page.getByRole('button', { name: 'Actions' });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/batch-operations${search}`);
  }

  row(jobId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: jobId });
  }

  async select(jobId: string): Promise<void> {
    await this.row(jobId).getByRole('radio').check();
  }

  /** Type a filter the way a user does ("Tag key = team", or free text) and press Enter. */
  async filterBy(text: string): Promise<void> {
    await this.filter.fill(text);
    await this.filter.press('Enter');
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
    // The filter lives in the URL: text typed before the old tokens leave it would join them.
    await expect(this.page).not.toHaveURL(/[?&](text|tagKey|tagValue)=/);
  }

  async action(name: 'Clone job' | 'Update priority' | 'Cancel job'): Promise<void> {
    await this.actionsButton.click();
    await this.page.getByRole('menuitem', { name }).click();
  }
}
