import { type S3Tag, tagLimits } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import { bindField } from '../../../components/form/bind-field';
import { Section } from '../../../components/form/section';
import { ObjectTagsEditor } from './object-tags-editor';
import { type DetailItem, type OperationFormProps, tagsText, webOperation } from './operation-module';

interface TaggingFields {
  objectTags: S3Tag[];
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    tagging: TaggingFields;
  }
}

function TaggingParameters(props: OperationFormProps) {
  const { errors } = props;
  return (
    <Section
      title="Object tags"
      description={`Replaces every tag of each object with these (at most ${tagLimits.object}).`}
    >
      <ObjectTagsEditor {...bindField(props, 'objectTags')} errors={errors} />
      {errors['operation.tags'] && <FormField errorText={errors['operation.tags']} />}
    </Section>
  );
}

const items = (op: { tags: { key: string; value: string }[] }): DetailItem[] => [
  { label: 'Object tags', value: tagsText(op.tags) },
];

export const tagging = webOperation({
  type: 'tagging',
  description: 'Replace the tag set of each object: its existing tags are removed.',
  Parameters: TaggingParameters,
  defaults: { objectTags: [{ key: '', value: '' }] },
  toModel: (form) => ({ type: 'tagging', tags: form.objectTags }),
  fromModel: (op) => ({ objectTags: op.tags }),
  errorFields: { tags: 'operation.tags' },
  reviewItems: items,
  detailItems: items,
});
