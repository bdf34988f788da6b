import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './errors.js';
import { JobEvent } from './job-events.js';
import { JobWizardModel } from './job-wizard.js';
import { PreflightRequest } from './preflight.js';

const base = {
  manifest: { format: 'csv', bucket: 'demo-bucket', key: 'm.csv' },
  operation: { type: 'tagging', tags: [{ key: 'a', value: 'b' }] },
  priority: 10,
  report: { enabled: false },
  roleArn: 'arn:aws:iam::000000000000:role/r',
  clientRequestToken: 't',
};

describe('JobWizardModel', () => {
  it('defaults the run option to wait for confirmation and the tags to none', () => {
    expect(JobWizardModel.parse(base)).toMatchObject({
      runOption: 'wait',
      tags: [],
      report: { scope: 'AllTasks' },
    });
  });

  it('names the field that is wrong', () => {
    const r = JobWizardModel.safeParse({
      ...base,
      manifest: { format: 'csv', bucket: 'demo-bucket' },
      operation: { type: 'nope' },
      description: 'x'.repeat(257),
      roleArn: 'role',
    });
    // No error (a success) fails the comparison too.
    expect(
      r.error &&
        toFieldErrors(r.error.issues)
          .map((f) => f.field)
          .sort(),
    ).toEqual(['description', 'manifest.key', 'operation.type', 'roleArn']);
  });

  it('takes an object ARN instead of bucket and key, and at most 50 unique job tags', () => {
    expect(
      JobWizardModel.safeParse({
        ...base,
        manifest: { format: 'inventory', objectArn: 'arn:aws:s3:::b/k/manifest.json' },
      }).success,
    ).toBe(true);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(JobWizardModel.safeParse({ ...base, tags: many }).success).toBe(false);
  });

  it('lets pre-flight take an unfinished role and no token', () => {
    expect(
      PreflightRequest.safeParse({ ...base, roleArn: 'not yet', clientRequestToken: undefined }).success,
    ).toBe(true);
  });
});

describe('JobEvent', () => {
  it('is discriminated by type', () => {
    expect(
      JobEvent.safeParse({ type: 'jobs', changed: [], removed: [], total: 0, at: '2024-01-01T00:00:00.000Z' })
        .success,
    ).toBe(true);
    expect(JobEvent.safeParse({ type: 'job', job: {} }).success).toBe(false);
  });
});
