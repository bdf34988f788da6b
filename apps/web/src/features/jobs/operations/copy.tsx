import { bucketOfArn } from '@batchops/batch-formats';
import { type CannedAcl, type S3Tag, storageClasses } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import { bindField } from '../../../components/form/bind-field';
import { KeyValueEditor } from '../../../components/form/key-value-editor';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { SelectField, type SelectItem } from '../../../components/form/select-field';
import { S3UriField } from '../../../components/s3-browser/s3-uri-field';
import { nonEmpty, s3Uri, splitUri } from '../components/create-job-wizard/form-values';
import { CannedAclField } from './canned-acl-field';
import { ObjectTagsEditor } from './object-tags-editor';
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

const storageOptions: SelectItem<StorageClass | ''>[] = [
  { value: '', label: 'Same as the source object' },
  ...storageClasses.map((c) => ({ value: c, label: c })),
];
const metadataWords = { add: 'Add metadata', row: 'Metadata', empty: 'No metadata.' };

function CopyParameters(props: OperationFormProps) {
  const { form, update, errors } = props;
  return (
    <Section title="Copy">
      <S3UriField
        {...bindField(props, 'copyDestinationUri')}
        label="Destination"
        ariaLabel="Copy destination"
        description="The bucket, and optionally a prefix, to copy the objects to."
      />
      <SelectField {...bindField(props, 'copyStorageClass')} label="Storage class" options={storageOptions} />
      <RadioField
        {...bindField(props, 'copyMetadataDirective')}
        label="Metadata"
        errorText={errors.copyMetadata}
        items={[
          { value: 'COPY', label: 'Copy metadata from the source objects' },
          { value: 'REPLACE', label: 'Replace metadata' },
        ]}
      />
      {form.copyMetadataDirective === 'REPLACE' && (
        <KeyValueEditor
          items={form.copyMetadata}
          onChange={(copyMetadata) => update({ copyMetadata })}
          words={metadataWords}
        />
      )}
      <FormField label="Object tags of the copies" description="Leave empty to copy the source's tags.">
        <ObjectTagsEditor {...bindField(props, 'copyTags')} errors={errors} />
      </FormField>
      <CannedAclField {...bindField(props, 'copyCannedAcl')} errorText={errors.cannedAcl} unset />
    </Section>
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
