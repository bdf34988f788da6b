import { REPLICATION_STORAGE_CLASSES, type SaveReplicationRuleResponse } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useBuckets } from '../../../components/s3-browser/api/list-buckets';
import { VersioningAlert } from '../../../components/versioning-alert';
import { ApiRequestError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/field-errors';
import { useSaveReplicationRule } from '../api/save-replication-rule';
import { type RuleFormState, type StorageClass, toSaveRequest } from './rule-form';

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

/** The AWS console's replication rule form: create (ruleId null) or edit one rule of the bucket. */
export function ReplicationRuleForm({
  bucket,
  ruleId,
  initial,
  revision,
  otherSettings,
  onSaved,
  onCancel,
}: {
  bucket: string;
  ruleId: string | null;
  initial: RuleFormState;
  revision: string | null;
  otherSettings: readonly string[];
  onSaved: (res: SaveReplicationRuleResponse, form: RuleFormState) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const buckets = useBuckets();
  const save = useSaveReplicationRule();
  const set = <K extends keyof RuleFormState>(k: K, v: RuleFormState[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const errors: FieldErrorMap = { ...apiFieldErrors(save.error), ...localErrors };
  const conflict =
    save.error instanceof ApiRequestError &&
    save.error.status === 409 &&
    !errors['rule.id'] &&
    !errors['rule.priority'];
  const submit = () => {
    const res = toSaveRequest(form, revision);
    if (!res.ok) {
      setLocalErrors(res.errors);
      return;
    }
    setLocalErrors({});
    save.mutate({ bucket, ruleId, request: res.request }, { onSuccess: (out) => onSaved(out, form) });
  };
  const bucketOptions = (buckets.data?.buckets ?? [])
    .filter((b) => b.name !== bucket)
    .map((b) => ({ value: b.name, label: b.name }));
  const tagged = form.scopeType === 'filter' && form.tags.length > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Form
        header={
          <Header variant="h1" description={`Source bucket: ${bucket}`}>
            {ruleId === null ? 'Create replication rule' : `Edit replication rule ${ruleId}`}
          </Header>
        }
        errorText={
          save.isError && Object.keys(apiFieldErrors(save.error)).length === 0 && !conflict
            ? save.error.message
            : undefined
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={save.isPending}>
              Save
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {conflict && (
            <Alert type="warning" header="The replication configuration changed">
              {save.error?.message}
            </Alert>
          )}
          {otherSettings.length > 0 && (
            <Alert type="info" header="Settings this form does not show are kept">
              {otherSettings.join(', ')}: saved as they are.
            </Alert>
          )}
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
          <Container header={<Header variant="h2">Destination</Header>}>
            <SpaceBetween size="m">
              <FormField
                label="Bucket name"
                description="Choose a bucket in this account to replicate to."
                errorText={errors['rule.destinationBucket']}
              >
                <Select
                  selectedOption={
                    form.destinationBucket
                      ? { value: form.destinationBucket, label: form.destinationBucket }
                      : null
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
              {form.destinationBucket && (
                <VersioningAlert bucket={form.destinationBucket} side="destination" />
              )}
            </SpaceBetween>
          </Container>
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
        </SpaceBetween>
      </Form>
    </form>
  );
}
