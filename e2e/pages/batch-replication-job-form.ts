import type { Locator, Page } from '@playwright/test';

/** The Batch Replication job settings. */
export class BatchReplicationJobForm {
  readonly heading: Locator;
  readonly runsAutomatically: Locator;
  readonly waitsToBeRun: Locator;
  readonly saveManifest: Locator;
  readonly reportBucket: Locator;
  readonly roleArn: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Create Batch Operations job' });
    this.runsAutomatically = page.getByRole('radio', { name: /Job runs automatically when ready/ });
    this.waitsToBeRun = page.getByRole('radio', { name: /Job waits to be run when ready/ });
    this.saveManifest = page.getByRole('checkbox', { name: /Save Batch Operations manifest/ });
    this.reportBucket = page.getByRole('button', { name: /Completion report destination bucket/ });
    this.roleArn = page.getByRole('textbox', { name: 'IAM role ARN' });
    this.createButton = page.getByRole('button', { name: 'Create Batch Operations job' });
  }

  async chooseReportBucket(bucket: string): Promise<void> {
    await this.reportBucket.click();
    await this.page.getByRole('option', { name: bucket, exact: true }).click();
  }
}
