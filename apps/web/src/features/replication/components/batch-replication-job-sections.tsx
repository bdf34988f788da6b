import type { JobWizardModel } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import { CompletionReportSection } from '../../../components/completion-report-section';
import { InputField } from '../../../components/form/input-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { SelectField } from '../../../components/form/select-field';
import { PermissionsField } from '../../../components/permissions/permissions-field';
import type { PreflightFixes } from '../../../components/permissions/preflight-checks';
import { PreflightSection } from '../../../components/permissions/preflight-section';
import { roleTemplateRequestOf } from '../../../components/permissions/role-template-request';
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
  const buckets = useBuckets();
  return (
    <>
      <SelectField
        label={`${p.what} destination bucket`}
        errorText={p.errors.bucket}
        value={p.bucket}
        options={(buckets.data?.buckets ?? []).map((b) => ({ value: b.name, label: b.name }))}
        keepUnlisted
        onChange={p.onBucket}
        placeholder="Choose a bucket"
        filteringType="auto"
        statusType={buckets.isPending ? 'loading' : 'finished'}
        ariaLabel={`${p.what} destination bucket`}
      />
      <InputField
        label={`${p.prefixLabel ?? p.what} prefix - optional`}
        errorText={p.errors.prefix}
        value={p.prefix}
        onChange={p.onPrefix}
      />
    </>
  );
}

export function BatchRunOptionSection({ form, setForm }: Omit<BatchSectionProps, 'errors'>) {
  return (
    <Section title="Job run option">
      <RadioField
        value={form.runOption}
        onChange={(v) => setForm((f) => withRunOption(f, v))}
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
    </Section>
  );
}

export function BatchManifestSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <Section
      title="Batch Operations manifest"
      description="S3 lists the objects to replicate from the replication configuration. You can save this list as a CSV manifest."
      size="m"
    >
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
    </Section>
  );
}

export function BatchStatusFilterSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <Section
      title="Replication status filters"
      description="Which objects the job replicates, by their replication status."
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
    </Section>
  );
}

export function BatchReportSection({ form, setForm, errors }: BatchSectionProps) {
  const set = setter(setForm);
  return (
    <CompletionReportSection
      enabled={form.reportEnabled}
      onEnabled={(v) => set('reportEnabled', v)}
      scope={form.reportScope}
      onScope={(v) => set('reportScope', v)}
      size="m"
    >
      <BucketAndPrefixFields
        what="Completion report"
        prefixLabel="Report"
        bucket={form.reportBucket}
        prefix={form.reportPrefix}
        onBucket={(v) => set('reportBucket', v)}
        onPrefix={(v) => set('reportPrefix', v)}
        errors={{ bucket: errors['report.bucket'], prefix: errors['report.prefix'] }}
      />
    </CompletionReportSection>
  );
}

/** The role (the wizard's Permissions field) and the pre-flight of the job the page is about to create. */
export function BatchPermissionsSection({
  bucket,
  form,
  setForm,
  errors,
  model,
  preflightFixes,
}: BatchSectionProps & { bucket: string; model: JobWizardModel | null; preflightFixes: PreflightFixes }) {
  const set = setter(setForm);
  return (
    <>
      <Section
        title="Permissions"
        description="The role Batch Operations assumes. Create role from template makes one with exactly what this job needs; the pre-flight check below tests the role you choose."
        size="m"
      >
        <PermissionsField
          roleArn={form.roleArn}
          onRoleArn={(v) => set('roleArn', v)}
          errorText={errors.roleArn}
          template={model && roleTemplateRequestOf(model)}
        />
        <InputField
          label="Description - optional"
          errorText={errors.description}
          placeholder={`Batch Replication for ${bucket}`}
          value={form.description}
          onChange={(v) => set('description', v)}
        />
      </Section>
      {model ? (
        <PreflightSection model={model} fixes={preflightFixes} />
      ) : (
        <Alert type="info" header="Pre-flight check">
          The job is checked once its settings are complete.
        </Alert>
      )}
    </>
  );
}
