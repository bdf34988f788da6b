import type { Locator, Page } from '@playwright/test';
import { PermissionsField } from './permissions-field';

/** The Batch Replication job settings. */
export class BatchReplicationJobForm extends PermissionsField {
  readonly heading: Locator;
  readonly runsAutomatically: Locator;
  readonly waitsToBeRun: Locator;
  readonly saveManifest: Locator;
  readonly reportBucket: Locator;
  readonly createButton: Locator;

  constructor(page: Page) {
    super(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'Create Batch Operations job' });
    this.runsAutomatically = page.getByRole('radio', { name: /Job runs automatically when ready/ });
    this.waitsToBeRun = page.getByRole('radio', { name: /Job waits to be run when ready/ });
    this.saveManifest = page.getByRole('checkbox', { name: /Save Batch Operations manifest/ });
    this.reportBucket = page.getByRole('button', { name: /Completion report destination bucket/ });
    this.createButton = page.getByRole('button', { name: 'Create Batch Operations job' });
  }

  async chooseReportBucket(bucket: string): Promise<void> {
    await this.reportBucket.click();
    await this.page.getByRole('option', { name: bucket, exact: true }).click();
  }
}
