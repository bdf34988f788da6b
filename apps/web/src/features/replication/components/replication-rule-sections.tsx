import { REPLICATION_STORAGE_CLASSES } from '@batchops/contracts';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useBuckets } from '../../../components/s3-browser/api/list-buckets';
import { VersioningAlert } from '../../../components/versioning-alert';
import type { FieldErrorMap } from '../../../lib/field-errors';
import type { RuleFormState, StorageClass } from './rule-form';

const storageClassLabels: Record<StorageClass, string> = {
  STANDARD: 'Standard',
  REDUCED_REDUNDANCY: 'Reduced redundancy',
  STANDARD_IA: 'Standard-IA',
  ONEZONE_IA: 'One Zone-IA',
  INTELLIGENT_TIERING: 'Intelligent-Tiering',
  GLACIER: 'Glacier Flexible Retrieval',
  DEEP_ARCHIVE: 'Glacier Deep Archive',
  GLACIER_IR: 'Glacier Instant Retrieval',
};

/** What each section of the rule form gets. */
export interface RuleSectionProps {
  readonly form: RuleFormState;
  readonly set: <K extends keyof RuleFormState>(k: K, v: RuleFormState[K]) => void;
  readonly errors: FieldErrorMap;
}

export function RuleConfigurationSection({ form, set, errors }: RuleSectionProps) {
  return (
    <Container header={<Header variant="h2">Replication rule configuration</Header>}>
      <SpaceBetween size="m">
        <FormField
          label="Replication rule name"
          description="Up to 255 characters. Names must be unique within the bucket."
          errorText={errors['rule.id']}
        >
          <Input value={form.id} onChange={(e) => set('id', e.detail.value)} />
        </FormField>
        <FormField label="Status" description="A disabled rule replicates nothing until it is enabled.">
          <RadioGroup
            value={form.status}
            onChange={(e) => set('status', e.detail.value as RuleFormState['status'])}
            items={[
              { value: 'Enabled', label: 'Enabled' },
              { value: 'Disabled', label: 'Disabled' },
            ]}
          />
        </FormField>
        <FormField
          label="Priority"
          description="When two rules replicate the same object to one destination, the higher number wins."
          errorText={errors['rule.priority']}
        >
          <Input
            type="number"
            inputMode="numeric"
            value={form.priority}
            onChange={(e) => set('priority', e.detail.value)}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}

export function RuleScopeSection({ bucket, form, set, errors }: RuleSectionProps & { bucket: string }) {
  return (
    <Container header={<Header variant="h2">Source bucket</Header>}>
      <SpaceBetween size="m">
        <FormField label="Source bucket name">{bucket}</FormField>
        <VersioningAlert bucket={bucket} side="source" />
        <FormField label="Choose a rule scope">
          <RadioGroup
            value={form.scopeType}
            onChange={(e) => set('scopeType', e.detail.value as RuleFormState['scopeType'])}
            items={[
              { value: 'filter', label: 'Limit the scope of this rule using one or more filters' },
              { value: 'all', label: 'Apply to all objects in the bucket' },
            ]}
          />
        </FormField>
        {form.scopeType === 'filter' && (
          <>
            <FormField
              label="Prefix"
              description="Add a prefix, tags, or both to limit the objects the rule replicates."
              errorText={errors['rule.scope.prefix']}
            >
              <Input
                value={form.prefix}
                placeholder="logs/"
                onChange={(e) => set('prefix', e.detail.value)}
              />
            </FormField>
            <FormField label="Tags" errorText={errors['rule.scope.tags']}>
              <AttributeEditor
                items={[...form.tags]}
                addButtonText="Add tag"
                removeButtonText="Remove"
                empty="No tags"
                onAddButtonClick={() => set('tags', [...form.tags, { key: '', value: '' }])}
                onRemoveButtonClick={(e) =>
                  set(
                    'tags',
                    form.tags.filter((_t, i) => i !== e.detail.itemIndex),
                  )
                }
                definition={[
                  {
                    label: 'Key',
                    control: (t, i) => (
                      <Input
                        value={t.key}
                        ariaLabel={`Tag key ${i + 1}`}
                        onChange={(e) =>
                          set(
                            'tags',
                            form.tags.map((x, j) => (j === i ? { ...x, key: e.detail.value } : x)),
                          )
                        }
                      />
                    ),
                    errorText: (_t, i) => errors[`rule.scope.tags.${i}.key`],
                  },
                  {
                    label: 'Value',
                    control: (t, i) => (
                      <Input
                        value={t.value}
                        ariaLabel={`Tag value ${i + 1}`}
                        onChange={(e) =>
                          set(
                            'tags',
                            form.tags.map((x, j) => (j === i ? { ...x, value: e.detail.value } : x)),
                          )
                        }
                      />
                    ),
                    errorText: (_t, i) => errors[`rule.scope.tags.${i}.value`],
                  },
                ]}
              />
            </FormField>
          </>
        )}
      </SpaceBetween>
    </Container>
  );
}

export function RuleDestinationSection({ bucket, form, set, errors }: RuleSectionProps & { bucket: string }) {
  const buckets = useBuckets();
  const bucketOptions = (buckets.data?.buckets ?? [])
    .filter((b) => b.name !== bucket)
    .map((b) => ({ value: b.name, label: b.name }));
  return (
    <Container header={<Header variant="h2">Destination</Header>}>
      <SpaceBetween size="m">
        <FormField
          label="Bucket name"
          description="Choose a bucket in this account to replicate to."
          errorText={errors['rule.destinationBucket']}
        >
          <Select
            selectedOption={
              form.destinationBucket ? { value: form.destinationBucket, label: form.destinationBucket } : null
            }
            onChange={(e) => set('destinationBucket', e.detail.selectedOption.value ?? '')}
            options={bucketOptions}
            placeholder="Choose a bucket"
            filteringType="auto"
            statusType={buckets.isPending ? 'loading' : buckets.isError ? 'error' : 'finished'}
            empty="No other buckets in this account"
            ariaLabel="Destination bucket"
          />
        </FormField>
        {form.destinationBucket && <VersioningAlert bucket={form.destinationBucket} side="destination" />}
      </SpaceBetween>
    </Container>
  );
}

export function RuleRoleSection({ form, set, errors }: RuleSectionProps) {
  return (
    <Container header={<Header variant="h2">IAM role</Header>}>
      <FormField
        label="IAM role ARN"
        description="The role S3 assumes to replicate objects. S3 keeps one role for all the replication rules of a bucket."
        errorText={errors.role}
      >
        <Input
          value={form.role}
          placeholder="arn:aws:iam::123456789012:role/replication"
          onChange={(e) => set('role', e.detail.value)}
        />
      </FormField>
    </Container>
  );
}

export function RuleStorageClassSection({ form, set }: Omit<RuleSectionProps, 'errors'>) {
  return (
    <Container header={<Header variant="h2">Destination storage class</Header>}>
      <SpaceBetween size="m">
        <Checkbox
          checked={form.changeStorageClass}
          onChange={(e) => set('changeStorageClass', e.detail.checked)}
          description="Without it, replicas keep the storage class of their source object."
        >
          Change the storage class for the replicated objects
        </Checkbox>
        {form.changeStorageClass && (
          <FormField label="Storage class">
            <Select
              selectedOption={{
                value: form.storageClass,
                label: storageClassLabels[form.storageClass],
              }}
              onChange={(e) => set('storageClass', e.detail.selectedOption.value as StorageClass)}
              options={REPLICATION_STORAGE_CLASSES.map((c) => ({
                value: c,
                label: storageClassLabels[c],
              }))}
              ariaLabel="Storage class"
            />
          </FormField>
        )}
      </SpaceBetween>
    </Container>
  );
}

export function RuleOptionsSection({ form, set, errors }: RuleSectionProps) {
  const tagged = form.scopeType === 'filter' && form.tags.length > 0;
  return (
    <Container header={<Header variant="h2">Additional replication options</Header>}>
      <SpaceBetween size="m">
        <FormField errorText={errors['rule.deleteMarkerReplication']}>
          <Checkbox
            checked={form.deleteMarkerReplication}
            disabled={tagged}
            onChange={(e) => set('deleteMarkerReplication', e.detail.checked)}
            description={
              tagged
                ? 'Not available for rules with a tag filter.'
                : 'Delete markers created by S3 delete operations will be replicated.'
            }
          >
            Delete marker replication
          </Checkbox>
        </FormField>
        <Checkbox
          checked={form.replicaModifications}
          onChange={(e) => set('replicaModifications', e.detail.checked)}
          description="Replicate metadata changes made to replicas in this bucket back to the destination."
        >
          Replica modification sync
        </Checkbox>
      </SpaceBetween>
    </Container>
  );
}
