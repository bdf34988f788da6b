import { bucketOfArn } from '@batchops/batch-formats';
import { type CannedAcl, type S3Tag, storageClasses } from '@batchops/contracts';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { S3ResourceField } from '../../../components/s3-browser/s3-resource-field';
import { nonEmpty, s3Uri, splitUri } from '../components/create-job-wizard/form-values';
import { TagsEditor } from '../components/tags-editor';
import { aclOptions } from './acl';
import type { OperationOf } from './operation-module';
import { type DetailItem, type OperationFormProps, tagsText, webOperation } from './operation-module';

type StorageClass = (typeof storageClasses)[number];

/** The Copy slice of the wizard form. */
interface CopyFields {
  copyDestinationUri: string;
  copyStorageClass: StorageClass | '';
  copyMetadataDirective: 'COPY' | 'REPLACE';
  copyMetadata: S3Tag[];
  copyTags: S3Tag[];
  copyCannedAcl: CannedAcl | '';
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    copy: CopyFields;
  }
}

/** The metadata the copies get instead of the source's (REPLACE). */
function CopyMetadataField({ form, update }: Omit<OperationFormProps, 'errors'>) {
  const edit = (index: number, patch: Partial<{ key: string; value: string }>) =>
    update({ copyMetadata: form.copyMetadata.map((x, j) => (j === index ? { ...x, ...patch } : x)) });
  return (
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
              onChange={({ detail }) => edit(i, { key: detail.value })}
            />
          ),
        },
        {
          label: 'Value',
          control: (m, i) => (
            <Input
              value={m.value}
              ariaLabel={`Metadata value ${i + 1}`}
              onChange={({ detail }) => edit(i, { value: detail.value })}
            />
          ),
        },
      ]}
    />
  );
}

function CopyParameters({ form, update, errors }: OperationFormProps) {
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
        {form.copyMetadataDirective === 'REPLACE' && <CopyMetadataField form={form} update={update} />}
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

function items(op: OperationOf<'copy'>): DetailItem[] {
  const metadata = Object.entries(op.metadata ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [
    { label: 'Destination', value: `s3://${op.targetBucket}/${op.targetKeyPrefix ?? ''}` },
    { label: 'Storage class', value: op.storageClass ?? 'Same as the source object' },
    {
      label: 'Metadata',
      value: op.metadataDirective === 'REPLACE' ? `Replace: ${metadata || '(none)'}` : 'Copy from the source',
    },
    { label: 'Object tags of the copies', value: tagsText(op.tags ?? []) },
    { label: 'Canned ACL', value: op.cannedAcl ?? 'Do not specify' },
  ];
}

export const copy = webOperation({
  type: 'copy',
  label: 'Copy',
  description: 'Copy each object to a destination bucket.',
  Parameters: CopyParameters,
  defaults: {
    copyDestinationUri: '',
    copyStorageClass: '',
    copyMetadataDirective: 'COPY',
    copyMetadata: [],
    copyTags: [],
    copyCannedAcl: '',
  },
  toModel: (form) => {
    const dest = splitUri(form.copyDestinationUri);
    return {
      type: 'copy',
      targetBucket: dest.bucket,
      ...(nonEmpty(dest.rest) ? { targetKeyPrefix: dest.rest } : {}),
      ...(form.copyStorageClass ? { storageClass: form.copyStorageClass } : {}),
      metadataDirective: form.copyMetadataDirective,
      ...(form.copyMetadataDirective === 'REPLACE'
        ? { metadata: Object.fromEntries(form.copyMetadata.map((m) => [m.key, m.value])) }
        : {}),
      ...(form.copyTags.length ? { tags: form.copyTags } : {}),
      ...(form.copyCannedAcl ? { cannedAcl: form.copyCannedAcl } : {}),
    };
  },
  fromModel: (op) => ({
    copyDestinationUri: s3Uri(bucketOfArn(op.targetBucket), op.targetKeyPrefix ?? ''),
    copyStorageClass: op.storageClass ?? '',
    copyMetadataDirective: op.metadataDirective ?? 'COPY',
    copyMetadata: Object.entries(op.metadata ?? {}).map(([key, value]) => ({ key, value })),
    copyTags: op.tags ?? [],
    copyCannedAcl: op.cannedAcl ?? '',
  }),
  errorFields: {
    targetBucket: 'copyDestinationUri',
    targetKeyPrefix: 'copyDestinationUri',
    metadata: 'copyMetadata',
    tags: 'operation.tags',
    cannedAcl: 'cannedAcl',
  },
  reviewItems: items,
  detailItems: items,
});
