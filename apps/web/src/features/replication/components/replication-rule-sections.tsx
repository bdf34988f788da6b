import { REPLICATION_STORAGE_CLASSES } from '@batchops/contracts';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import { InputField } from '../../../components/form/input-field';
import { KeyValueEditor } from '../../../components/form/key-value-editor';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { SelectField } from '../../../components/form/select-field';
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

const storageClassOptions = REPLICATION_STORAGE_CLASSES.map((c) => ({
  value: c,
  label: storageClassLabels[c],
}));
const tagWords = { add: 'Add tag', row: 'Tag', empty: 'No tags' };

export function RuleConfigurationSection({ form, set, errors }: RuleSectionProps) {
  return (
    <Section title="Replication rule configuration" size="m">
      <InputField
        label="Replication rule name"
        description="Up to 255 characters. Names must be unique within the bucket."
        errorText={errors['rule.id']}
        value={form.id}
        onChange={(v) => set('id', v)}
      />
      <RadioField
        label="Status"
        description="A disabled rule replicates nothing until it is enabled."
        value={form.status}
        onChange={(v) => set('status', v)}
        items={[
          { value: 'Enabled', label: 'Enabled' },
          { value: 'Disabled', label: 'Disabled' },
        ]}
      />
      <InputField
        label="Priority"
        description="When two rules replicate the same object to one destination, the higher number wins."
        errorText={errors['rule.priority']}
        numeric
        value={form.priority}
        onChange={(v) => set('priority', v)}
      />
    </Section>
  );
}

export function RuleScopeSection({ bucket, form, set, errors }: RuleSectionProps & { bucket: string }) {
  return (
    <Section title="Source bucket" size="m">
      <FormField label="Source bucket name">{bucket}</FormField>
      <VersioningAlert bucket={bucket} side="source" />
      <RadioField
        label="Choose a rule scope"
        value={form.scopeType}
        onChange={(v) => set('scopeType', v)}
        items={[
          { value: 'filter', label: 'Limit the scope of this rule using one or more filters' },
          { value: 'all', label: 'Apply to all objects in the bucket' },
        ]}
      />
      {form.scopeType === 'filter' && (
        <>
          <InputField
            label="Prefix"
            description="Add a prefix, tags, or both to limit the objects the rule replicates."
            errorText={errors['rule.scope.prefix']}
            placeholder="logs/"
            value={form.prefix}
            onChange={(v) => set('prefix', v)}
          />
          <FormField label="Tags" errorText={errors['rule.scope.tags']}>
            <KeyValueEditor
              items={form.tags}
              onChange={(tags) => set('tags', tags)}
              words={tagWords}
              errors={errors}
              errorPrefix="rule.scope.tags."
            />
          </FormField>
        </>
      )}
    </Section>
  );
}

export function RuleDestinationSection({ bucket, form, set, errors }: RuleSectionProps & { bucket: string }) {
  const buckets = useBuckets();
  const bucketOptions = (buckets.data?.buckets ?? [])
    .filter((b) => b.name !== bucket)
    .map((b) => ({ value: b.name, label: b.name }));
  return (
    <Section title="Destination" size="m">
      <SelectField
        label="Bucket name"
        description="Choose a bucket in this account to replicate to."
        errorText={errors['rule.destinationBucket']}
        value={form.destinationBucket}
        options={bucketOptions}
        keepUnlisted
        onChange={(v) => set('destinationBucket', v)}
        placeholder="Choose a bucket"
        filteringType="auto"
        statusType={buckets.isPending ? 'loading' : buckets.isError ? 'error' : 'finished'}
        empty="No other buckets in this account"
        ariaLabel="Destination bucket"
      />
      {form.destinationBucket && <VersioningAlert bucket={form.destinationBucket} side="destination" />}
    </Section>
  );
}

export function RuleRoleSection({ form, set, errors }: RuleSectionProps) {
  return (
    <Section title="IAM role">
      <InputField
        label="IAM role ARN"
        description="The role S3 assumes to replicate objects. S3 keeps one role for all the replication rules of a bucket."
        errorText={errors.role}
        placeholder="arn:aws:iam::123456789012:role/replication"
        value={form.role}
        onChange={(v) => set('role', v)}
      />
    </Section>
  );
}

export function RuleStorageClassSection({ form, set }: Omit<RuleSectionProps, 'errors'>) {
  return (
    <Section title="Destination storage class" size="m">
      <Checkbox
        checked={form.changeStorageClass}
        onChange={(e) => set('changeStorageClass', e.detail.checked)}
        description="Without it, replicas keep the storage class of their source object."
      >
        Change the storage class for the replicated objects
      </Checkbox>
      {form.changeStorageClass && (
        <SelectField
          label="Storage class"
          value={form.storageClass}
          options={storageClassOptions}
          onChange={(v) => set('storageClass', v)}
        />
      )}
    </Section>
  );
}

export function RuleOptionsSection({ form, set, errors }: RuleSectionProps) {
  const tagged = form.scopeType === 'filter' && form.tags.length > 0;
  return (
    <Section title="Additional replication options" size="m">
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
    </Section>
  );
}
