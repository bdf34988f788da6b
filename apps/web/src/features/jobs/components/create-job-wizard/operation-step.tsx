import type { CannedAcl } from '@batchops/contracts';
import { cannedAcls, storageClasses } from '@batchops/contracts';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { S3ResourceField } from '../../../../components/s3-browser/s3-resource-field';
import { TagsEditor } from '../tags-editor';
import { operationChoices } from './create-job-wizard-config';
import {
  ChecksumParameters,
  LambdaParameters,
  LegalHoldParameters,
  ReplicateParameters,
  RestoreParameters,
  RetentionParameters,
  UpdateEncryptionParameters,
} from './operation-parameters';
import type { StorageClass, WizardForm } from './wizard-form';
import type { WizardStepProps } from './wizard-step-props';

const aclOptions = cannedAcls.map((a) => ({ value: a, label: a }));

export function OperationStep({ form, update, errors }: WizardStepProps) {
  // As the S3 console: a manifest from the replication configuration serves only Replicate.
  const replicationOnly = form.manifestFormat === 'replication';
  const items = operationChoices.map((c) =>
    replicationOnly && c.value !== 'replicate' ? { ...c, disabled: true } : c,
  );
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Operation</Header>}>
        <FormField
          label="Operation type"
          errorText={errors.operation}
          {...(replicationOnly
            ? {
                description:
                  'The manifest is created from the replication configuration: only Replicate applies.',
              }
            : {})}
        >
          <RadioGroup
            value={form.operation}
            onChange={({ detail }) => update({ operation: detail.value as WizardForm['operation'] })}
            items={items}
          />
        </FormField>
      </Container>
      {form.operation === 'tagging' && (
        <Container
          header={
            <Header variant="h2" description="Replaces every tag of each object with these (at most 10).">
              Object tags
            </Header>
          }
        >
          <TagsEditor
            tags={form.objectTags}
            onChange={(objectTags) => update({ objectTags })}
            limit={10}
            errors={errors}
            errorPrefix="operation.tags."
          />
          {errors['operation.tags'] && <FormField errorText={errors['operation.tags']} />}
        </Container>
      )}
      {form.operation === 'deleteTagging' && (
        <Container header={<Header variant="h2">Delete all object tags</Header>}>
          Every tag of each object in the manifest is removed. There is nothing else to set.
        </Container>
      )}
      {form.operation === 'acl' && (
        <Container header={<Header variant="h2">Access control list</Header>}>
          <FormField label="Canned ACL" errorText={errors.cannedAcl}>
            <Select
              selectedOption={{ value: form.aclCannedAcl, label: form.aclCannedAcl }}
              options={aclOptions}
              onChange={({ detail }) => update({ aclCannedAcl: detail.selectedOption.value as CannedAcl })}
            />
          </FormField>
        </Container>
      )}
      {form.operation === 'copy' && <CopyParameters form={form} update={update} errors={errors} />}
      {form.operation === 'replicate' && <ReplicateParameters />}
      {form.operation === 'restore' && <RestoreParameters form={form} update={update} errors={errors} />}
      {form.operation === 'lambda' && <LambdaParameters form={form} update={update} errors={errors} />}
      {form.operation === 'legalHold' && <LegalHoldParameters form={form} update={update} errors={errors} />}
      {form.operation === 'retention' && <RetentionParameters form={form} update={update} errors={errors} />}
      {form.operation === 'checksum' && <ChecksumParameters form={form} update={update} errors={errors} />}
      {form.operation === 'updateEncryption' && (
        <UpdateEncryptionParameters form={form} update={update} errors={errors} />
      )}
    </SpaceBetween>
  );
}

function CopyParameters({ form, update, errors }: Pick<WizardStepProps, 'form' | 'update' | 'errors'>) {
  const storageOptions = [
    { value: '', label: 'Same as the source object' },
    ...storageClasses.map((s) => ({ value: s, label: s })),
  ];
  const copyAclOptions = [{ value: '', label: 'Do not specify' }, ...aclOptions];
  return (
    <Container header={<Header variant="h2">Copy</Header>}>
      <SpaceBetween size="l">
        <FormField
          label="Destination"
          description="The bucket, and optionally a prefix, to copy the objects to."
          errorText={errors.copyDestinationUri}
        >
          <S3ResourceField
            uri={form.copyDestinationUri}
            onChange={(copyDestinationUri) => update({ copyDestinationUri })}
            pick="buckets"
            invalid={Boolean(errors.copyDestinationUri)}
            ariaLabel="Copy destination"
            placeholder="s3://bucket/prefix/"
          />
        </FormField>
        <FormField label="Storage class">
          <Select
            selectedOption={storageOptions.find((o) => o.value === form.copyStorageClass) ?? null}
            options={storageOptions}
            onChange={({ detail }) =>
              update({ copyStorageClass: (detail.selectedOption.value ?? '') as StorageClass | '' })
            }
          />
        </FormField>
        <FormField label="Metadata" errorText={errors.copyMetadata}>
          <RadioGroup
            value={form.copyMetadataDirective}
            onChange={({ detail }) => update({ copyMetadataDirective: detail.value as 'COPY' | 'REPLACE' })}
            items={[
              { value: 'COPY', label: 'Copy metadata from the source objects' },
              { value: 'REPLACE', label: 'Replace metadata' },
            ]}
          />
        </FormField>
        {form.copyMetadataDirective === 'REPLACE' && (
          <AttributeEditor
            items={form.copyMetadata}
            onAddButtonClick={() => update({ copyMetadata: [...form.copyMetadata, { key: '', value: '' }] })}
            onRemoveButtonClick={({ detail }) =>
              update({ copyMetadata: form.copyMetadata.filter((_, i) => i !== detail.itemIndex) })
            }
            addButtonText="Add metadata"
            removeButtonText="Remove"
            empty="No metadata."
            definition={[
              {
                label: 'Key',
                control: (m, i) => (
                  <Input
                    value={m.key}
                    ariaLabel={`Metadata key ${i + 1}`}
                    onChange={({ detail }) =>
                      update({
                        copyMetadata: form.copyMetadata.map((x, j) =>
                          j === i ? { ...x, key: detail.value } : x,
                        ),
                      })
                    }
                  />
                ),
              },
              {
                label: 'Value',
                control: (m, i) => (
                  <Input
                    value={m.value}
                    ariaLabel={`Metadata value ${i + 1}`}
                    onChange={({ detail }) =>
                      update({
                        copyMetadata: form.copyMetadata.map((x, j) =>
                          j === i ? { ...x, value: detail.value } : x,
                        ),
                      })
                    }
                  />
                ),
              },
            ]}
          />
        )}
        <FormField label="Object tags of the copies" description="Leave empty to copy the source's tags.">
          <TagsEditor
            tags={form.copyTags}
            onChange={(copyTags) => update({ copyTags })}
            limit={10}
            errors={errors}
            errorPrefix="operation.tags."
          />
        </FormField>
        <FormField label="Canned ACL" errorText={errors.cannedAcl}>
          <Select
            selectedOption={copyAclOptions.find((o) => o.value === form.copyCannedAcl) ?? null}
            options={copyAclOptions}
            onChange={({ detail }) =>
              update({ copyCannedAcl: (detail.selectedOption.value ?? '') as CannedAcl | '' })
            }
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
