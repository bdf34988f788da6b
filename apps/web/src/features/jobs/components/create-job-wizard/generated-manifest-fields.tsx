import type { ReplicationStatusFilter } from '@batchops/contracts';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { bindField } from '../../../../components/form/bind-field';
import { DateField } from '../../../../components/form/date-field';
import { optionalLabel } from '../../../../components/optional-label';
import { replicationStatusOptions as statusOptions } from '../../../../components/replication-status-options';
import { S3UriField } from '../../../../components/s3-browser/s3-uri-field';
import type { WizardStepProps } from './wizard-step-props';

/** "Create manifest using S3 Replication configuration": the source bucket, filters, and the saved manifest. */
export function GeneratedManifestFields(props: Pick<WizardStepProps, 'form' | 'update' | 'errors'>) {
  const { form, update, errors } = props;
  return (
    <SpaceBetween size="l">
      <S3UriField
        {...bindField(props, 'genSourceUri')}
        label="Source bucket"
        description="The bucket whose replication configuration names the objects to replicate."
        placeholder="s3://bucket"
      />
      <ColumnLayout columns={2}>
        <DateField
          {...bindField(props, 'genCreatedAfter')}
          label="Created after"
          optional
          description="Objects created on or after this day (UTC)."
          choose="the earliest creation date"
        />
        <DateField
          {...bindField(props, 'genCreatedBefore')}
          label="Created before"
          optional
          description="Objects created before this day (UTC)."
          choose="the latest creation date"
        />
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
            update({ genStatuses: detail.selectedOptions.map((o) => o.value as ReplicationStatusFilter) })
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
        <S3UriField
          {...bindField(props, 'genOutputUri')}
          label="Manifest destination"
          description="The bucket, and optionally a prefix, the generated manifest is written to (SSE-S3)."
        />
      )}
    </SpaceBetween>
  );
}
