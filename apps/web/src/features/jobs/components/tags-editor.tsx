import type { S3Tag } from '@batchops/contracts';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import type { FieldErrorMap } from '../../../lib/field-errors';

interface TagsEditorProps {
  readonly tags: readonly S3Tag[];
  readonly onChange: (tags: S3Tag[]) => void;
  readonly limit: number;
  /** Field errors keyed by path; a row's errors are `<prefix><index>.key` / `.value`. */
  readonly errors?: FieldErrorMap;
  readonly errorPrefix: string;
}

/** Key/value tags as the console edits them (AttributeEditor, as the S3 console's tag editors). */
export function TagsEditor({ tags, onChange, limit, errors = {}, errorPrefix }: TagsEditorProps) {
  const set = (index: number, patch: Partial<S3Tag>) =>
    onChange(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <AttributeEditor
      items={tags}
      onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
      onRemoveButtonClick={({ detail }) => onChange(tags.filter((_, i) => i !== detail.itemIndex))}
      addButtonText="Add tag"
      removeButtonText="Remove"
      disableAddButton={tags.length >= limit}
      additionalInfo={`You can add ${Math.max(0, limit - tags.length)} more tags.`}
      empty="No tags."
      definition={[
        {
          label: 'Key',
          control: (tag, i) => (
            <Input
              value={tag.key}
              ariaLabel={`Tag key ${i + 1}`}
              onChange={({ detail }) => set(i, { key: detail.value })}
            />
          ),
          errorText: (_tag, i) => errors[`${errorPrefix}${i}.key`],
        },
        {
          label: 'Value',
          control: (tag, i) => (
            <Input
              value={tag.value}
              ariaLabel={`Tag value ${i + 1}`}
              onChange={({ detail }) => set(i, { value: detail.value })}
            />
          ),
          errorText: (_tag, i) => errors[`${errorPrefix}${i}.value`],
        },
      ]}
    />
  );
}
