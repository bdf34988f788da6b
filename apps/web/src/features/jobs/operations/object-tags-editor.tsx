import { type S3Tag, tagLimits } from '@batchops/contracts';
import type { FieldErrorMap } from '../../../lib/field-errors';
import { TagsEditor } from '../components/tags-editor';

/** An operation's object tags (as many as S3 allows an object); a row's errors are at operation.tags.<i>. */
export function ObjectTagsEditor(props: {
  readonly value: readonly S3Tag[];
  readonly onChange: (tags: S3Tag[]) => void;
  readonly errors: FieldErrorMap;
}) {
  const { value, onChange, errors } = props;
  return (
    <TagsEditor
      tags={value}
      onChange={onChange}
      limit={tagLimits.object}
      errors={errors}
      errorPrefix="operation.tags."
    />
  );
}
