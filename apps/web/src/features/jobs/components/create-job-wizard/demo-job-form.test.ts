import { describe, expect, it } from 'vitest';
import { demoJobForm } from './demo-job-form';
import { parseWizardForm } from './wizard-form';

const demo = {
  roleArn: 'arn:aws:iam::000000000000:role/batchops-demo-batch-operations',
  sourceBucket: 'batchops-demo-source',
  reportsBucket: 'batchops-demo-reports',
  manifestKey: 'manifests/demo-manifest.csv',
};

describe('demoJobForm', () => {
  it('is a valid tagging job over the seeded manifest, as the seeded role, that waits to be run', () => {
    const parsed = parseWizardForm(demoJobForm('us-east-1', demo), 'token', null);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.model).toMatchObject({
      region: 'us-east-1',
      manifest: { format: 'csv', bucket: 'batchops-demo-source', key: 'manifests/demo-manifest.csv' },
      operation: { type: 'tagging', tags: [{ key: 'batchops-demo', value: 'tagged' }] },
      roleArn: demo.roleArn,
      report: { bucket: 'batchops-demo-reports', prefix: 'reports', scope: 'AllTasks' },
      runOption: 'wait',
    });
  });
});
