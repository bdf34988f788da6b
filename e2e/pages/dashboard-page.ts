import type { Locator, Page } from '@playwright/test';

/** The Dashboard: the Region now, active jobs in queue order, ended jobs, top error codes. */
export class DashboardPage {
  readonly heading: Locator;
  readonly throughput: Locator;
  readonly activeJobs: Locator;
  readonly errorCodes: Locator;
  readonly throughputChartEmpty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.throughput = page.getByRole('group', { name: 'Throughput' });
    this.activeJobs = page.getByRole('table', { name: /Active jobs/ });
    this.errorCodes = page.getByRole('table', { name: /Top error codes/ });
    this.throughputChartEmpty = page.getByText('No tasks processed in the last hour');
  }

  async goto(base = ''): Promise<void> {
    await this.page.goto(`${base}/batch-operations/dashboard`);
  }

  /** The active jobs' rows among `jobIds`, in the order the table shows them. */
  async activeOrder(jobIds: readonly string[]): Promise<string[]> {
    const texts = await this.activeJobs.getByRole('row').allInnerTexts();
    return texts.flatMap((t) => jobIds.filter((id) => t.includes(id)));
  }

  /** A count of the last 24 hours' ended jobs (the panel's first column), a link to the filtered list. */
  endedCount(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).first().getByRole('link');
  }
}
