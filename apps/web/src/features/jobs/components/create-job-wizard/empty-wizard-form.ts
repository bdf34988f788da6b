import { allWebOperations } from '../../operations/operation-registry';
import type { AllOperationFields, WizardForm } from './wizard-form-state';

/** A new job's form: the S3 console's defaults, each operation's own from its module. */
export function emptyWizardForm(region: string, roleArn: string): WizardForm {
  // A fresh copy per form: the defaults hold lists the form must not share.
  const operationDefaults = structuredClone(
    Object.assign({}, ...allWebOperations.map((m) => m.defaults)),
  ) as AllOperationFields;
  return {
    region,
    manifestFormat: 'csv',
    manifestUri: '',
    manifestVersionId: '',
    manifestEtag: null,
    genSourceUri: '',
    genCreatedAfter: '',
    genCreatedBefore: '',
    genStatuses: [],
    genSaveManifest: false,
    genOutputUri: '',
    operation: null,
    ...operationDefaults,
    description: '',
    priority: '10',
    reportEnabled: true,
    reportScope: 'FailedTasksOnly',
    reportUri: '',
    roleArn,
    jobTags: [],
    runOption: 'wait',
  };
}
