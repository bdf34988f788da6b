import type { ConnectionInfo } from '@batchops/contracts';
import { emptyWizardForm } from './empty-wizard-form';
import { s3Uri } from './form-values';
import type { WizardForm } from './wizard-form-state';

export type SeededDemo = NonNullable<ConnectionInfo['demo']>;

/** The demo job as a user would fill the wizard: the seeded manifest and role, a tag, a full report. */
export function demoJobForm(region: string, demo: SeededDemo): WizardForm {
  return {
    ...emptyWizardForm(region, demo.roleArn),
    manifestUri: s3Uri(demo.sourceBucket, demo.manifestKey),
    operation: 'tagging',
    objectTags: [{ key: 'batchops-demo', value: 'tagged' }],
    description: 'Demo: tag every object of the demo manifest',
    reportScope: 'AllTasks',
    reportUri: s3Uri(demo.reportsBucket, 'reports/'),
  };
}
