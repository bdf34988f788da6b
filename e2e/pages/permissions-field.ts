import { expect, type Locator, type Page } from '@playwright/test';

/** The Permissions field and pre-flight every create page shares (the wizard, the Batch Replication settings). */
export class PermissionsField {
  readonly roleArn: Locator;
  readonly preflightChecks: Locator;
  /** The Permissions field's role choice (Select over ListRoles). */
  readonly roleSelect: Locator;
  readonly createRoleFromTemplateButton: Locator;
  /** "Pre-flight found N problems. Create anyway?" */
  readonly createAnywayDialog: Locator;

  constructor(readonly page: Page) {
    this.roleArn = page.getByRole('textbox', { name: 'IAM role ARN' });
    this.preflightChecks = page.getByRole('list', { name: 'Pre-flight checks' });
    this.roleSelect = page.getByRole('button', { name: /^IAM role/ });
    this.createRoleFromTemplateButton = page.getByRole('button', { name: 'Create role from template' });
    this.createAnywayDialog = page.getByRole('dialog', { name: 'Create anyway?' });
  }

  /** Choose an existing role by name in the Permissions field (filtering the list). */
  async chooseRole(name: string): Promise<void> {
    await this.page.getByRole('radio', { name: 'Choose from existing IAM roles' }).check();
    await this.roleSelect.click();
    await this.page.getByRole('combobox', { name: 'Filter roles' }).fill(name);
    // An option's name is the role name, then its ARN: `batchops-demo arn:aws:iam::…`.
    await this.page.getByRole('option', { name: new RegExp(`^${name.replace(/[.+]/g, '\\$&')}\\s`) }).click();
  }

  /** Type the role's ARN instead of choosing it from the list. */
  async enterRoleArn(arn: string): Promise<void> {
    await this.page.getByRole('radio', { name: 'Enter IAM role ARN' }).check();
    await this.roleArn.fill(arn);
  }

  /** Create role from template (the job's own least-privilege role) named `name`; the field then holds it. */
  async createRoleFromTemplate(name: string): Promise<void> {
    await this.createRoleFromTemplateButton.click();
    const modal = this.page.getByRole('dialog', { name: 'Create role from template' });
    await modal.getByRole('textbox', { name: 'Role name' }).fill(name);
    await modal.getByRole('button', { name: 'Create role' }).click();
    await expect(modal).toBeHidden();
    await expect(this.roleSelect).toContainText(name);
  }

  check(label: string): Locator {
    return this.preflightChecks.getByRole('listitem', { name: label });
  }
}
