import type { S3Tag } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import { Section } from '../../../components/form/section';
import { TagsEditor } from '../components/tags-editor';
import { type DetailItem, type OperationFormProps, tagsText, webOperation } from './operation-module';

interface TaggingFields {
  objectTags: S3Tag[];
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    tagging: TaggingFields;
  }
}

function TaggingParameters({ form, update, errors }: OperationFormProps) {
  return (
    <Section title="Object tags" description="Replaces every tag of each object with these (at most 10).">
      <TagsEditor
        tags={form.objectTags}
        onChange={(objectTags) => update({ objectTags })}
        limit={10}
        errors={errors}
        errorPrefix="operation.tags."
      />
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
