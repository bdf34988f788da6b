import type { Locator, Page } from '@playwright/test';

/** One bucket: the Objects tab (browser, upload) and the Management tab (replication rules). */
export class BucketPage {
  readonly objectsTab: Locator;
  readonly managementTab: Locator;
  readonly objectsTable: Locator;
  readonly rulesTable: Locator;
  readonly uploadButton: Locator;
  readonly showVersions: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.objectsTab = page.getByRole('tab', { name: 'Objects' });
    this.managementTab = page.getByRole('tab', { name: 'Management' });
    this.objectsTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Replication status' }) });
    this.rulesTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Replication rule name' }) });
    this.uploadButton = page.getByRole('button', { name: 'Upload', exact: true });
    this.showVersions = page.getByRole('checkbox', { name: 'Show versions' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(bucket: string, tab: 'objects' | 'management' = 'objects'): Promise<void> {
    await this.page.goto(
      `/buckets/${encodeURIComponent(bucket)}${tab === 'management' ? '?tab=management' : ''}`,
    );
  }

  objectRow(name: string): Locator {
    return this.objectsTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async openFolder(name: string): Promise<void> {
    await this.objectsTable.getByRole('link', { name, exact: true }).click();
  }

  /** Upload files through the Upload dialog (the file chooser behind "Choose files"). */
  async upload(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.uploadButton.first().click();
    // The file input behind Cloudscape's FileUpload ("Choose files").
    await this.dialog.locator('input[type="file"]').setInputFiles(files);
    await this.dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  }

  ruleRow(ruleId: string): Locator {
    return this.rulesTable.getByRole('row').filter({ hasText: ruleId });
  }

  rulesAction(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
