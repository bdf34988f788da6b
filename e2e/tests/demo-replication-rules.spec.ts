import { demo, expect, test } from '../fixtures';
import { listKeys, replicationRules } from '../support/local-aws';

const DEST = 'rules-ui-replicas';
const RULE = 'rules-ui';
const rule = async () => (await replicationRules(demo.sourceBucket)).find((r) => r.ID === RULE);

// Issue 20 §3: rule edit, disable, enable and delete in the UI, each read back over the wire, and
// "Create Batch Replication job" from the rules table, as the demo role the page prefills.
test('a rule edited, disabled, enabled and deleted in the UI; Create Batch Replication job from the rules replicates what it names', async ({
  page,
  replicationPages,
}) => {
  test.setTimeout(300_000);
  const { bucketsPage, bucketPage, ruleForm, batchJobForm, jobPage } = replicationPages;
  await bucketsPage.goto();
  await bucketsPage.createBucket(DEST, 'Enable');
  await bucketPage.goto(demo.sourceBucket, 'management');
  await ruleForm.startRuleForAllObjects(RULE, DEST);
  await ruleForm.saveButton.click();
  await ruleForm.answer(false);
  await expect(bucketPage.ruleRow(RULE)).toBeVisible();
  expect(await rule()).toMatchObject({ Status: 'Enabled', Destination: { Bucket: `arn:aws:s3:::${DEST}` } });

  const select = () =>
    bucketPage
      .ruleRow(RULE)
      .getByRole('radio', { name: `Select rule ${RULE}` })
      .check();
  // Edit: the rule now covers logs/ only.
  await select();
  await bucketPage.rulesAction('Edit rule').click();
  await expect(ruleForm.ruleName).toHaveValue(RULE);
  await ruleForm.scope('Limit the scope of this rule using one or more filters').check();
  await ruleForm.prefix.fill('logs/');
  await ruleForm.saveButton.click();
  // Objects the rule did not name before may need replicating: asked, and declined here.
  await ruleForm.answer(false);
  await expect(bucketPage.ruleRow(RULE)).toContainText('logs/');
  const filter = (await rule())?.Filter;
  expect(filter?.Prefix ?? filter?.And?.Prefix).toBe('logs/');

  // Disable, then enable again, from Actions.
  for (const [action, status] of [
    ['Disable rule', 'Disabled'],
    ['Enable rule', 'Enabled'],
  ] as const) {
    await select();
    await bucketPage.rulesAction('Actions').click();
    await page.getByRole('menuitem', { name: action }).click();
    await expect(bucketPage.ruleRow(RULE)).toContainText(status);
    await expect.poll(async () => (await rule())?.Status).toBe(status);
  }

  // The rules table's Batch Replication: the page's defaults and the report bucket, run automatically.
  await bucketPage.rulesAction('Create Batch Replication job').click();
  await expect(batchJobForm.heading).toBeVisible();
  await batchJobForm.chooseReportBucket(demo.reportsBucket);
  // A new destination: objects already replicated elsewhere (COMPLETED) are replicated again too.
  await page.getByRole('button', { name: /Object replication status/ }).click();
  await page.getByRole('option', { name: /Replication completed/ }).click();
  await page.keyboard.press('Escape');
  await expect(batchJobForm.check('Role permissions')).toContainText('passed', { timeout: 20_000 });
  await batchJobForm.createButton.click();
  await expect(jobPage.heading).toBeVisible();
  await expect(jobPage.value('Status')).toHaveText('Complete', { timeout: 120_000 });
  const logs = await listKeys(demo.sourceBucket, 'logs/');
  expect(logs.length).toBeGreaterThan(0);
  // The destination holds what the edited rule names: logs/ and nothing else.
  expect(await listKeys(DEST)).toEqual(logs);

  // Delete: gone from the table and from the configuration.
  await bucketPage.goto(demo.sourceBucket, 'management');
  await select();
  await bucketPage.rulesAction('Delete').click();
  await page
    .getByRole('dialog', { name: 'Delete replication rule?' })
    .getByRole('button', { name: 'Delete rule' })
    .click();
  await expect(bucketPage.ruleRow(RULE)).toHaveCount(0);
  expect(await rule()).toBeUndefined();
});
