import type { JobWizardModel } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Section } from '../../../../components/form/section';
import { KeyValuePairs } from '../../../../components/key-value-pairs';
import type { PreflightFixes } from '../../../../components/permissions/preflight-checks';
import { PreflightSection } from '../../../../components/permissions/preflight-section';
import { tagsText } from '../../operations/operation-module';
import { operationReviewItems } from '../../operations/operation-registry';
import { CostEstimateSection } from './cost-estimate-section';
import { CreateJobCode } from './create-job-code';
import { optionsStepIndex, wizardSteps } from './create-job-wizard-config';

function manifestItems(model: JobWizardModel) {
  const m = model.manifest;
  const g = m.generator;
  if (m.format === 'replication' && g)
    return [
      { label: 'Region', value: model.region ?? '-' },
      { label: 'Manifest', value: 'Created using S3 Replication configuration' },
      { label: 'Source bucket', value: `s3://${g.sourceBucket}` },
      { label: 'Created after', value: g.createdAfter ?? '-' },
      { label: 'Created before', value: g.createdBefore ?? '-' },
      { label: 'Replication status', value: g.replicationStatuses.join(', ') || 'Any' },
      {
        label: 'Save Batch Operations manifest',
        value: g.output ? `s3://${g.output.bucket}/${g.output.prefix ?? ''}` : 'No',
      },
    ];
  return [
    { label: 'Region', value: model.region ?? '-' },
    { label: 'Manifest format', value: m.format === 'csv' ? 'CSV' : 'S3 inventory report' },
    { label: 'Manifest object', value: m.objectArn ?? `s3://${m.bucket}/${m.key}` },
    { label: 'Manifest version ID', value: m.versionId ?? 'Latest' },
    { label: 'Manifest ETag', value: m.etag ?? 'Read when the job is created' },
  ];
}

const optionsItems = (model: JobWizardModel) => [
  { label: 'Description', value: model.description ?? '-' },
  { label: 'Priority', value: String(model.priority) },
  {
    label: 'Completion report',
    value: model.report.enabled
      ? `${model.report.scope === 'AllTasks' ? 'All tasks' : 'Failed tasks only'} to s3://${model.report.bucket}/${model.report.prefix ?? ''}`
      : 'No report',
  },
  { label: 'IAM role ARN', value: model.roleArn },
  { label: 'Job tags', value: tagsText(model.tags) },
  {
    label: 'Run option',
    value:
      model.runOption === 'wait' ? 'Wait to run the job when it is ready' : 'Run automatically when ready',
  },
];

/** The steps that fix each pre-flight problem: the manifest's, and the options' (report, role). */
const preflightFixesOf = (onEdit: (step: number) => void): PreflightFixes => ({
  manifest: { text: `Edit step 1: ${wizardSteps[0]?.title}`, onFollow: () => onEdit(0) },
  report: { text: 'Edit the completion report (step 3)', onFollow: () => onEdit(optionsStepIndex) },
  role: { text: 'Choose or create a role (step 3: Permissions)', onFollow: () => onEdit(optionsStepIndex) },
});

export function ReviewStep({ model, onEdit }: { model: JobWizardModel; onEdit: (step: number) => void }) {
  const section = (title: string, step: number, items: { label: string; value: string }[]) => (
    <Section title={title} actions={<Button onClick={() => onEdit(step)}>Edit</Button>}>
      <KeyValuePairs columns={3} items={items} />
    </Section>
  );
  return (
    <SpaceBetween size="l">
      {section('Step 1: Choose Region and manifest', 0, manifestItems(model))}
      {section('Step 2: Choose operation', 1, operationReviewItems(model.operation))}
      {section('Step 3: Configure additional options', 2, optionsItems(model))}
      <PreflightSection model={model} fixes={preflightFixesOf(onEdit)} />
      <CostEstimateSection model={model} />
      <CreateJobCode model={model} />
    </SpaceBetween>
  );
}
