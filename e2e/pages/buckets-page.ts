import { expect, type Locator, type Page } from '@playwright/test';

/** The Buckets list and the Create bucket page. */
export class BucketsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly createBucketButton: Locator;
  readonly bucketName: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Buckets' });
    this.table = page.getByRole('table');
    this.createBucketButton = page.getByRole('link', { name: 'Create bucket' });
    this.bucketName = page.getByRole('textbox', { name: 'Bucket name' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/buckets');
  }

  /** Create bucket from the list: name, Bucket Versioning, submit; the console says it is created. */
  async createBucket(name: string, versioning: 'Enable' | 'Disable'): Promise<void> {
    await this.createBucketButton.click();
    await this.bucketName.fill(name);
    await this.page.getByRole('radio', { name: versioning }).check();
    await this.page.getByRole('button', { name: 'Create bucket' }).click();
    await expect(this.page.getByText(`Successfully created bucket "${name}".`)).toBeVisible();
  }

  async open(bucket: string): Promise<void> {
    await this.table.getByRole('link', { name: bucket, exact: true }).click();
  }
}
