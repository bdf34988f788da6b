import type { Locator, Page } from '@playwright/test';

/** The replication rule form, and the "Replicate existing objects?" dialog after it. */
export class ReplicationRuleForm {
  readonly ruleName: Locator;
  readonly priority: Locator;
  readonly prefix: Locator;
  readonly destination: Locator;
  readonly role: Locator;
  readonly enableVersioning: Locator;
  readonly saveButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.ruleName = page.getByRole('textbox', { name: 'Replication rule name' });
    this.priority = page.getByRole('spinbutton', { name: 'Priority' });
    this.prefix = page.getByRole('textbox', { name: 'Prefix' });
    this.destination = page.getByRole('button', { name: /Destination bucket/ });
    this.role = page.getByRole('textbox', { name: 'IAM role ARN' });
    this.enableVersioning = page.getByRole('button', { name: 'Enable Bucket Versioning' });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Replicate existing objects?' });
  }

  scope(
    label: 'Apply to all objects in the bucket' | 'Limit the scope of this rule using one or more filters',
  ) {
    return this.page.getByRole('radio', { name: label });
  }

  /** From a bucket's Management tab: Create replication rule, named `name`, over all objects, to `destination`. */
  async startRuleForAllObjects(name: string, destination: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create replication rule', exact: true }).first().click();
    await this.ruleName.fill(name);
    await this.scope('Apply to all objects in the bucket').check();
    await this.chooseDestination(destination);
  }

  async chooseDestination(bucket: string): Promise<void> {
    await this.destination.click();
    await this.page.getByRole('option', { name: bucket, exact: true }).click();
  }

  /** Answer the dialog: Yes (on to the job settings) or No. */
  async answer(yes: boolean): Promise<void> {
    await this.dialog
      .getByRole('radio', {
        name: yes ? 'Yes, replicate existing objects' : 'No, do not replicate existing objects',
      })
      .check();
    await this.dialog.getByRole('button', { name: 'Submit' }).click();
  }
}
