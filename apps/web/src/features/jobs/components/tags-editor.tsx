import type { S3Tag } from '@batchops/contracts';
import { KeyValueEditor } from '../../../components/form/key-value-editor';
import type { FieldErrorMap } from '../../../lib/field-errors';

interface TagsEditorProps {
  readonly tags: readonly S3Tag[];
  readonly onChange: (tags: S3Tag[]) => void;
  readonly limit: number;
  /** Field errors keyed by path; a row's errors are `<prefix><index>.key` / `.value`. */
  readonly errors?: FieldErrorMap;
  readonly errorPrefix: string;
}

const tagWords = { add: 'Add tag', row: 'Tag', empty: 'No tags.', plural: 'tags' };

/** A job's or an object's tags, at most `limit` of them. */
export function TagsEditor({ tags, onChange, limit, errors = {}, errorPrefix }: TagsEditorProps) {
  return (
    <KeyValueEditor
      items={tags}
      onChange={onChange}
      words={tagWords}
      limit={limit}
      errors={errors}
      errorPrefix={errorPrefix}
    />
  );
}
