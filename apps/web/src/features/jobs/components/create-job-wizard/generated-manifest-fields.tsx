import type { ReplicationStatusFilter } from '@batchops/contracts';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { optionalLabel } from '../../../../components/optional-label';
import { replicationStatusOptions as statusOptions } from '../../../../components/replication-status-options';
import { S3ResourceField } from '../../../../components/s3-browser/s3-resource-field';
import type { WizardStepProps } from './wizard-step-props';

/** "Create manifest using S3 Replication configuration": the source bucket, filters, and the saved manifest. */
export function GeneratedManifestFields({
  form,
  update,
  errors,
}: Pick<WizardStepProps, 'form' | 'update' | 'errors'>) {
  return (
    <SpaceBetween size="l">
      <FormField
        label="Source bucket"
        description="The bucket whose replication configuration names the objects to replicate."
        errorText={errors.genSourceUri}
      >
        <S3ResourceField
          uri={form.genSourceUri}
          onChange={(genSourceUri) => update({ genSourceUri })}
          pick="buckets"
          invalid={Boolean(errors.genSourceUri)}
          ariaLabel="Source bucket"
          placeholder="s3://bucket"
        />
      </FormField>
      <ColumnLayout columns={2}>
        <FormField
          label={optionalLabel('Created after')}
          description="Objects created on or after this day (UTC)."
          constraintText="YYYY/MM/DD"
          errorText={errors.genCreatedAfter}
        >
          <DatePicker
            value={form.genCreatedAfter}
            placeholder="YYYY/MM/DD"
            ariaLabel="Created after"
            openCalendarAriaLabel={(d) => `Choose the earliest creation date${d ? `, ${d}` : ''}`}
            invalid={Boolean(errors.genCreatedAfter)}
            onChange={({ detail }) => update({ genCreatedAfter: detail.value })}
          />
        </FormField>
        <FormField
          label={optionalLabel('Created before')}
          description="Objects created before this day (UTC)."
          constraintText="YYYY/MM/DD"
          errorText={errors.genCreatedBefore}
        >
          <DatePicker
            value={form.genCreatedBefore}
            placeholder="YYYY/MM/DD"
            ariaLabel="Created before"
            openCalendarAriaLabel={(d) => `Choose the latest creation date${d ? `, ${d}` : ''}`}
            invalid={Boolean(errors.genCreatedBefore)}
            onChange={({ detail }) => update({ genCreatedBefore: detail.value })}
          />
        </FormField>
      </ColumnLayout>
      <FormField
        label={optionalLabel('Replication status')}
        description="Only objects with these replication statuses; none chosen: every eligible object."
        errorText={errors.genStatuses}
      >
        <Multiselect
          selectedOptions={statusOptions.filter((o) => form.genStatuses.includes(o.value))}
          options={statusOptions}
          placeholder="Any replication status"
          ariaLabel="Replication status"
          onChange={({ detail }) =>
            update({
              genStatuses: detail.selectedOptions.map((o) => o.value as ReplicationStatusFilter),
            })
          }
        />
      </FormField>
      <FormField label="Batch Operations manifest" description="Save the list of objects the job runs on.">
        <Checkbox
          checked={form.genSaveManifest}
          onChange={({ detail }) => update({ genSaveManifest: detail.checked })}
        >
          Save Batch Operations manifest
        </Checkbox>
      </FormField>
      {form.genSaveManifest && (
        <FormField
          label="Manifest destination"
          description="The bucket, and optionally a prefix, the generated manifest is written to (SSE-S3)."
          errorText={errors.genOutputUri}
        >
          <S3ResourceField
            uri={form.genOutputUri}
            onChange={(genOutputUri) => update({ genOutputUri })}
            pick="buckets"
            invalid={Boolean(errors.genOutputUri)}
            ariaLabel="Manifest destination"
            placeholder="s3://bucket/prefix/"
          />
        </FormField>
      )}
    </SpaceBetween>
  );
}
