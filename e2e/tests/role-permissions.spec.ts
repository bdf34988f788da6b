import { demo, expect, test } from '../fixtures';

/** Seeded by local-aws next to the demo role: it lacks s3:PutObjectTagging. */
const NARROW_ROLE = 'batchops-demo-readonly';

test('a job whose role lacks a permission fails with AccessDenied; a role from the template on the Access-denied panel makes its retry succeed', async ({
  page,
  wizard,
  jobPage,
  jobsPage,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  await wizard.goto();
  await wizard.fillTaggingJob({
    manifestUri: demo.manifestUri,
    objectTag: { key: 'checked', value: stamp },
    description: `narrow role ${stamp}`,
    reportUri: `s3://${demo.reportsBucket}/reports/`,
  });

  // Back to the options: run it as the narrow role, whose policies the field shows.
  await page.getByRole('button', { name: 'Edit' }).nth(2).click();
  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  await wizard.chooseRole(NARROW_ROLE);
  await expect(wizard.roleSelect).toContainText(NARROW_ROLE);
  await page.getByText(`Policies of ${NARROW_ROLE}`).click();
  await expect(page.getByRole('region', { name: 'Trust policy' })).toContainText(
    'batchoperations.s3.amazonaws.com',
  );
  await wizard.nextButton.click();

  // Pre-flight simulates the role's policies against this job and names what is missing.
  await expect(wizard.check('Role permissions')).toContainText('failed', { timeout: 20_000 });
  await expect(wizard.check('Role permissions')).toContainText('s3:PutObjectTagging');
  await expect(wizard.check('IAM role')).toContainText('passed');
  // The failed check comes first and leads to the Permissions field; back on Review it still fails.
  await expect(wizard.preflightChecks.getByRole('listitem').first()).toHaveAccessibleName('Role permissions');
  await wizard
    .check('Role permissions')
    .getByRole('button', { name: /^Choose or create a role/ })
    .click();
  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  await expect(wizard.roleSelect).toContainText(NARROW_ROLE);
  await wizard.nextButton.click();
  await expect(wizard.check('Role permissions')).toContainText('failed', { timeout: 20_000 });
  await wizard.createButton.click();
  // Pre-flight found the missing permission: Create asks before making a job that will fail.
  await expect(wizard.createAnywayDialog).toContainText(/Pre-flight found \d+ problems?\. Create anyway\?/);
  await wizard.createAnywayDialog.getByRole('button', { name: 'Create anyway' }).click();

  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  // Every task failed: not a green Complete, but "Completed with failures", with the count and what to do.
  const failedText = `Failed ${demo.objects} (100 %)`;
  // One assertion for both parts: the live page may show a late "Completing" snapshot for a moment.
  await expect(jobPage.value('Status')).toHaveText(`Completed with failures${failedText}`, {
    timeout: 90_000,
  });
  await expect(jobPage.value('Status')).not.toHaveText(/^Complete$/);
  await expect(jobPage.outcomeAlert).toContainText('completed with failures');
  await expect(jobPage.outcomeAlert).toContainText('Most frequent error: AccessDenied');
  await expect(jobPage.outcomeAlert.getByRole('button', { name: 'Retry failed tasks' })).toBeVisible();
  await expect(jobPage.outcomeAlert.getByRole('button', { name: 'Clone with another role' })).toBeVisible();
  // The flash follows the job: no green "created" over a job whose tasks all failed.
  await expect(jobPage.flash).toContainText('completed with failures');
  await expect(jobPage.flash).not.toContainText('created');
  // The details name the missing action, with the failed tasks it cost.
  const denied = page.getByRole('table', { name: 'Access denied by action' });
  await expect(denied).toContainText('s3:PutObjectTagging');
  await expect(denied.getByRole('row').nth(1)).toContainText(String(demo.objects));
  const failedJob = jobPage.jobId();

  // The list says the same, and a job-ID prefix as free text finds this job and no other.
  await jobsPage.goto();
  await jobsPage.filterBy(failedJob.slice(0, 8));
  await expect(jobsPage.table.getByRole('row')).toHaveCount(2);
  await expect(jobsPage.row(failedJob)).toContainText('Completed with failures');
  await expect(jobsPage.row(failedJob)).toContainText(failedText);
  await jobPage.goto(failedJob);
  await expect(jobPage.value('Status')).toContainText('Completed with failures');

  // The Access-denied panel makes a role from this job's template and retries the failed tasks as it.
  await denied.scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Create role from template' }).click();
  const modal = page.getByRole('dialog', { name: 'Create role from template' });
  const policy = modal.getByRole('region', { name: /^Permission policy/ });
  await expect(policy).toContainText('"s3:PutObjectTagging"');
  await expect(policy).toContainText(`arn:aws:s3:::${demo.sourceBucket}/*`);
  // The template of the retry: it reads the failed tasks' manifest, written next to the report.
  await expect(policy).toContainText(`arn:aws:s3:::${demo.reportsBucket}/reports/job-${failedJob}/retry-`);
  await expect(policy).toContainText(`arn:aws:s3:::${demo.reportsBucket}/reports/*`);
  await expect(modal.getByRole('region', { name: 'Trust policy' })).toContainText('sts:AssumeRole');
  const roleName = `batchops-e2e-${stamp}`;
  await modal.getByRole('textbox', { name: 'Role name' }).fill(roleName);
  await modal.getByRole('button', { name: 'Create role' }).click();
  await expect(wizard.stepHeading('Configure additional options')).toBeVisible();
  await expect(page.getByText(`Retry the ${demo.objects} failed tasks of job ${failedJob}`)).toBeVisible();
  await expect(wizard.roleSelect).toContainText(roleName);

  // A name that exists is refused on the field.
  await wizard.createRoleFromTemplateButton.click();
  await modal.getByRole('textbox', { name: 'Role name' }).fill(roleName);
  await modal.getByRole('button', { name: 'Create role' }).click();
  await expect(modal).toContainText('a role with this name exists');
  await modal.getByRole('button', { name: 'Cancel' }).click();

  await wizard.nextButton.click();
  await expect(wizard.check('Role permissions')).toContainText('passed', { timeout: 20_000 });
  await wizard.createButton.click();
  await expect(jobPage.heading).toBeVisible();
  await expect.poll(() => jobPage.jobId()).not.toBe(failedJob);
  await expect(jobPage.value('Status')).toHaveText('Suspended', { timeout: 30_000 });
  await jobPage.runJob();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 90_000 });
  await expect(jobPage.value('Failed')).toHaveText('0');
  await expect(page.getByRole('table', { name: 'Access denied by action' })).toHaveCount(0);
});
