import { demo, expect, test } from '../fixtures';
import { createReadOnlyRole } from '../support/local-aws';

const DEST = 'perm-replicas';
/** Made by the test (as a user would with the IAM CLI): it may only read objects. */
const NARROW_ROLE = 'e2e-replication-read-only';

// The Batch Replication settings page offers the wizard's Permissions field and pre-flight, and does
// not create a job pre-flight says will fail without an explicit "Create anyway".
test('the Batch Replication settings page: the prefilled demo role passes pre-flight; a narrow role fails first and Create asks', async ({
  page,
  replicationPages,
}) => {
  test.setTimeout(180_000);
  const { bucketsPage, bucketPage, ruleForm, batchJobForm, jobsPage } = replicationPages;
  await createReadOnlyRole(NARROW_ROLE);
  await bucketsPage.goto();
  await bucketsPage.createBucket(DEST, 'Enable');

  await bucketPage.goto(demo.sourceBucket, 'management');
  await ruleForm.startRuleForAllObjects('perm-check', DEST);
  await ruleForm.saveButton.click();
  await expect(ruleForm.dialog).toBeVisible();
  await ruleForm.answer(true);

  // The wizard's field: the demo role chosen from the account's roles, its policies, the template.
  await expect(batchJobForm.heading).toBeVisible();
  await expect(batchJobForm.roleSelect).toContainText('batchops-demo');
  await expect(page.getByText('Policies of batchops-demo')).toBeVisible();
  await expect(batchJobForm.createRoleFromTemplateButton).toBeVisible();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  const description = `perm check ${Date.now().toString(36)}`;
  await page.getByRole('textbox', { name: 'Description - optional' }).fill(description);
  await expect(batchJobForm.check('Role permissions')).toContainText('passed', { timeout: 20_000 });
  await expect(batchJobForm.preflightChecks.getByText('failed')).toHaveCount(0);

  // A role that lacks the permissions: its failed checks come first.
  await batchJobForm.chooseRole(NARROW_ROLE);
  await expect(batchJobForm.check('Role permissions')).toContainText('failed', { timeout: 20_000 });
  await expect(batchJobForm.preflightChecks.getByRole('listitem').first()).toContainText('failed');
  // Its fix goes up to the Permissions field, focused.
  await batchJobForm
    .check('Role permissions')
    .getByRole('button', { name: /^Choose or create a role/ })
    .click();
  await expect(page.getByRole('radio', { name: 'Choose from existing IAM roles' })).toBeFocused();

  // Create asks first; Cancel keeps the page and creates nothing.
  await batchJobForm.createButton.click();
  await expect(batchJobForm.createAnywayDialog).toContainText(
    /Pre-flight found \d+ problems?\. Create anyway\?/,
  );
  await batchJobForm.createAnywayDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(batchJobForm.createAnywayDialog).toBeHidden();
  await expect(batchJobForm.heading).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description - optional' })).toHaveValue(description);

  await jobsPage.goto();
  await expect(jobsPage.heading).toBeVisible();
  await expect(jobsPage.table).toBeVisible();
  await expect(jobsPage.table.getByText(description)).toHaveCount(0);
});
