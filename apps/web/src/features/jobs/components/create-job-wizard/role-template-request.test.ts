import { describe, expect, it } from 'vitest';
import { emptyWizardForm } from './empty-wizard-form';
import { toRoleTemplateRequest } from './role-template-request';

describe('role template request', () => {
  it('takes the manifest, operation and report of the form, and nothing else', () => {
    const form = {
      ...emptyWizardForm('us-east-1', ''),
      manifestUri: 's3://src/manifests/m.csv',
      operation: 'tagging' as const,
      objectTags: [{ key: 'k', value: 'v' }],
      reportUri: 's3://reports/batch/',
      priority: 'not a number',
    };
    expect(toRoleTemplateRequest(form)).toEqual({
      region: 'us-east-1',
      manifest: { format: 'csv', bucket: 'src', key: 'manifests/m.csv' },
      operation: { type: 'tagging', tags: [{ key: 'k', value: 'v' }] },
      report: { enabled: true, bucket: 'reports', prefix: 'batch', scope: 'FailedTasksOnly' },
    });
    expect(toRoleTemplateRequest({ ...form, operation: null })).toBeNull();
  });

  it('is null while the manifest is not given', () => {
    expect(toRoleTemplateRequest(emptyWizardForm('us-east-1', ''))).toBeNull();
  });
});
