import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { replicationStatusOptions as statusOptions } from '../../../components/replication-status-options';
import { useBuckets } from '../../../components/s3-browser/api/list-buckets';
import type { FieldErrorMap } from '../../../lib/field-errors';
import { type BatchJobFormState, withRunOption } from './batch-job-form';

/** What each section of the Batch Replication job form gets. */
export interface BatchSectionProps {
  readonly form: BatchJobFormState;
  readonly setForm: (update: (f: BatchJobFormState) => BatchJobFormState) => void;
  readonly errors: FieldErrorMap;
}

const setter =
  (setForm: BatchSectionProps['setForm']) =>
  <K extends keyof BatchJobFormState>(k: K, v: BatchJobFormState[K]) =>
    setForm((f) => ({ ...f, [k]: v }));

/** A bucket of this account. */
function BucketSelect({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  const buckets = useBuckets();
  return (
    <Select
      selectedOption={value ? { value, label: value } : null}
      onChange={(e) => onChange(e.detail.selectedOption.value ?? '')}
      options={(buckets.data?.buckets ?? []).map((b) => ({ value: b.name, label: b.name }))}
      placeholder="Choose a bucket"
      filteringType="auto"
      statusType={buckets.isPending ? 'loading' : 'finished'}
      ariaLabel={label}
    />
  );
}

/** Where something is written: a bucket of this account and an optional prefix. */
function BucketAndPrefixFields(p: {
  what: string;
  prefixLabel?: string;
  bucket: string;
  prefix: string;
  onBucket: (v: string) => void;
  onPrefix: (v: string) => void;
  errors: { bucket: string | undefined; prefix: string | undefined };
}) {
  return (
    <>
      <FormField label={`${p.what} destination bucket`} errorText={p.errors.bucket}>
        <BucketSelect value={p.bucket} onChange={p.onBucket} label={`${p.what} destination bucket`} />
      </FormField>
      <FormField label={`${p.prefixLabel ?? p.what} prefix - optional`} errorText={p.errors.prefix}>
        <Input value={p.prefix} onChange={(e) => p.onPrefix(e.detail.value)} />
      </FormField>
    </>
  );
}

export function BatchRunOptionSection({ form, setForm }: Omit<BatchSectionProps, 'errors'>) {
  return (
    <Container header={<Header variant="h2">Job run option</Header>}>
      <RadioGroup
        value={form.runOption}
        onChange={(e) => setForm((f) => withRunOption(f, e.detail.value as 'auto' | 'wait'))}
        items={[
          {
            value: 'auto',
            label: 'Job runs automatically when ready',
            description: 'The job starts as soon as its manifest is ready. The manifest cannot be saved.',
          },
          {
            value: 'wait',
            label: 'Job waits to be run when ready',
            description: 'Review the job and its manifest, then run it from the job page.',
          },
        ]}
      />
    </Container>
  );
}

export function BatchManifestSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="S3 lists the objects to replicate from the replication configuration. You can save this list as a CSV manifest."
        >
          Batch Operations manifest
        </Header>
      }
    >
      <SpaceBetween size="m">
        <FormField errorText={errors['manifest.save']}>
          <Checkbox
            checked={form.saveManifest}
            disabled={form.runOption === 'auto'}
            onChange={(e) => set('saveManifest', e.detail.checked)}
            description={
              form.runOption === 'auto'
                ? 'To save the manifest, choose "Job waits to be run when ready".'
                : 'Stored as a CSV file in a bucket of this account.'
            }
          >
            Save Batch Operations manifest
          </Checkbox>
        </FormField>
        {form.saveManifest && (
          <BucketAndPrefixFields
            what="Manifest"
            bucket={form.manifestBucket}
            prefix={form.manifestPrefix}
            onBucket={(v) => set('manifestBucket', v)}
            onPrefix={(v) => set('manifestPrefix', v)}
            errors={{ bucket: errors['manifest.bucket'], prefix: errors['manifest.prefix'] }}
          />
        )}
      </SpaceBetween>
    </Container>
  );
}

export function BatchStatusFilterSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <Container
      header={
        <Header variant="h2" description="Which objects the job replicates, by their replication status.">
          Replication status filters
        </Header>
      }
    >
      <FormField
        label="Object replication status"
        description="None chosen: every object eligible for replication."
        errorText={errors.replicationStatuses}
      >
        <Multiselect
          selectedOptions={statusOptions.filter((o) => form.replicationStatuses.includes(o.value))}
          onChange={(e) =>
            set(
              'replicationStatuses',
              statusOptions
                .map((o) => o.value)
                .filter((v) => e.detail.selectedOptions.some((s) => s.value === v)),
            )
          }
          options={statusOptions}
          placeholder="Any status"
          ariaLabel="Object replication status"
        />
      </FormField>
    </Container>
  );
}

export function BatchReportSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <Container header={<Header variant="h2">Completion report</Header>}>
      <SpaceBetween size="m">
        <Checkbox checked={form.reportEnabled} onChange={(e) => set('reportEnabled', e.detail.checked)}>
          Generate completion report
        </Checkbox>
        {form.reportEnabled && (
          <>
            <FormField label="Completion report scope">
              <RadioGroup
                value={form.reportScope}
                onChange={(e) => set('reportScope', e.detail.value as BatchJobFormState['reportScope'])}
                items={[
                  { value: 'FailedTasksOnly', label: 'Failed tasks only' },
                  { value: 'AllTasks', label: 'All tasks' },
                ]}
              />
            </FormField>
            <BucketAndPrefixFields
              what="Completion report"
              prefixLabel="Report"
              bucket={form.reportBucket}
              prefix={form.reportPrefix}
              onBucket={(v) => set('reportBucket', v)}
              onPrefix={(v) => set('reportPrefix', v)}
              errors={{ bucket: errors['report.bucket'], prefix: errors['report.prefix'] }}
            />
          </>
        )}
      </SpaceBetween>
    </Container>
  );
}

export function BatchPermissionsSection({
  bucket,
  form,
  setForm,
  errors,
}: BatchSectionProps & { bucket: string }) {
  const set = setter(setForm);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The role Batch Operations assumes: s3:InitiateReplication on the source objects, s3:GetReplicationConfiguration and s3:PutInventoryConfiguration on the bucket, s3:PutObject for the report and manifest."
        >
          Permissions
        </Header>
      }
    >
      <SpaceBetween size="m">
        <FormField label="IAM role ARN" errorText={errors.roleArn}>
          <Input
            value={form.roleArn}
            placeholder="arn:aws:iam::123456789012:role/batch-replication"
            onChange={(e) => set('roleArn', e.detail.value)}
          />
        </FormField>
        <FormField label="Description - optional" errorText={errors.description}>
          <Input
            value={form.description}
            placeholder={`Batch Replication for ${bucket}`}
            onChange={(e) => set('description', e.detail.value)}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
