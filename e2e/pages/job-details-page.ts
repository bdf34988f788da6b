import type { Locator, Page } from '@playwright/test';

/** One job's page: status, live progress, configuration, tags, completion report. */
export class JobDetailsPage {
  readonly heading: Locator;
  readonly runJobButton: Locator;
  readonly cancelJobButton: Locator;
  readonly updatePriorityButton: Locator;
  readonly cloneJobButton: Locator;
  readonly retryFailedButton: Locator;
  readonly progressBar: Locator;
  readonly dialog: Locator;
  readonly reportTable: Locator;
  /** The alert under the header when an ended job did not fully succeed. */
  readonly outcomeAlert: Locator;
  /** The flash messages above the page (the AppLayout's notifications region). */
  readonly flash: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Job / });
    this.runJobButton = page.getByRole('button', { name: 'Run job', exact: true });
    this.cancelJobButton = page.getByRole('button', { name: 'Cancel job', exact: true });
    this.updatePriorityButton = page.getByRole('button', { name: 'Update priority' });
    this.cloneJobButton = page.getByRole('button', { name: 'Clone job' });
    // The outcome alert and the report summary both offer it; either retries.
    this.retryFailedButton = page.getByRole('button', { name: 'Retry failed tasks' }).first();
    this.progressBar = page.getByRole('progressbar');
    this.dialog = page.getByRole('dialog');
    this.outcomeAlert = page.getByRole('region', { name: 'Job outcome' });
    this.flash = page.getByRole('region', { name: 'Notifications' });
    this.reportTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Task status' }) });
  }

  /** The job ID from the URL of the page. */
  jobId(): string {
    const id = /\/jobs\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not a job page: ${this.page.url()}`);
    return decodeURIComponent(id);
  }

  async goto(jobId: string): Promise<void> {
    await this.page.goto(`/batch-operations/jobs/${encodeURIComponent(jobId)}`);
  }

  /** A value of the page's key-value pairs by its label. */
  value(label: string): Locator {
    // Each value is a group named by its label (apps/web/src/components/key-value-pairs.tsx).
    return this.page.getByRole('group', { name: label, exact: true }).first();
  }

  async runJob(): Promise<void> {
    await this.runJobButton.click();
    await this.dialog.getByRole('button', { name: 'Run job' }).click();
  }

  async showReportRows(pageSize: '100 rows' | '500 rows' | '1000 rows'): Promise<void> {
    await this.page.getByRole('button', { name: 'Preferences' }).last().click();
    await this.page.getByRole('radio', { name: pageSize }).check();
    await this.page.getByRole('button', { name: 'Confirm' }).click();
  }
}
