import { describe, expect, it } from 'vitest';
import { emptyWizardForm } from '../features/jobs/components/create-job-wizard/empty-wizard-form';
import { parseWizardForm } from '../features/jobs/components/create-job-wizard/wizard-form';
import {
  emptyBatchJobForm,
  toBatchJobModel,
  toBatchJobRequest,
  withRunOption,
} from '../features/replication/components/batch-job-form';

const ROLE = 'arn:aws:iam::000000000000:role/batch';

/** The rule flow's model for a form, as its Create button sends it. */
function ruleFlowModel(form: ReturnType<typeof emptyBatchJobForm>) {
  const req = toBatchJobRequest(form);
  if (!req.ok) throw new Error(JSON.stringify(req.errors));
  const res = toBatchJobModel(req.request, 'src', 'us-east-1');
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.model;
}

/** The create-job wizard's model for the same choices. */
function wizardModel(patch: Partial<ReturnType<typeof emptyWizardForm>>) {
  const parsed = parseWizardForm(
    {
      ...emptyWizardForm('us-east-1', ROLE),
      manifestFormat: 'replication',
      genSourceUri: 's3://src/',
      operation: 'replicate',
      description: 'Batch Replication for src',
      reportUri: 's3://reports/batch-replication/src',
      ...patch,
    },
    't1',
    null,
  );
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.model;
}

describe('one way to create a Batch Replication job', () => {
  it('the rule flow and the wizard send the same model to POST /api/jobs (so the same CreateJob)', () => {
    const rule = { ...emptyBatchJobForm('new', 'src', 't1'), reportBucket: 'reports', roleArn: ROLE };
    expect(ruleFlowModel(rule)).toEqual(
      wizardModel({ genStatuses: ['NONE', 'FAILED'], runOption: 'auto', reportScope: 'FailedTasksOnly' }),
    );
  });

  it('with a saved manifest, all tasks reported, waiting to run', () => {
    const rule = {
      ...withRunOption(emptyBatchJobForm('destination', 'src', 't1'), 'wait'),
      saveManifest: true,
      manifestBucket: 'manifests',
      manifestPrefix: 'gen',
      reportScope: 'AllTasks' as const,
      reportBucket: 'reports',
      roleArn: ROLE,
      description: 'back-fill',
    };
    expect(ruleFlowModel(rule)).toEqual(
      wizardModel({
        genStatuses: ['NONE', 'FAILED', 'COMPLETED'],
        genSaveManifest: true,
        genOutputUri: 's3://manifests/gen',
        runOption: 'wait',
        reportScope: 'AllTasks',
        description: 'back-fill',
      }),
    );
  });

  it('names the rule flow field of an error the wizard model finds', () => {
    const req = toBatchJobRequest({
      ...emptyBatchJobForm('new', 'src', 't1'),
      reportBucket: 'reports',
      roleArn: ROLE,
    });
    if (!req.ok) throw new Error('valid');
    const res = toBatchJobModel(
      { ...req.request, manifest: { save: true, bucket: 'X!', prefix: '' } },
      'src',
      undefined,
    );
    expect(!res.ok && Object.keys(res.errors)).toEqual(['manifest.bucket']);
  });
});
