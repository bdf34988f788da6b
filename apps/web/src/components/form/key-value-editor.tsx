import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import type { FieldErrorMap } from '../../lib/field-errors';

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** How an editor names its rows: "Add tag", "Tag key 1", "No tags.", "2 more tags". */
export interface KeyValueWords {
  readonly add: string;
  /** The rows' name in their inputs' labels ("Tag" → "Tag key 1"). */
  readonly row: string;
  readonly empty: string;
  /** The rows' plural in "You can add N more …"; only with a limit. */
  readonly plural?: string;
}

interface KeyValueEditorProps<T extends KeyValue> {
  readonly items: readonly T[];
  readonly onChange: (items: KeyValue[]) => void;
  readonly words: KeyValueWords;
  readonly limit?: number;
  /** Field errors keyed by path; a row's errors are `<prefix><index>.key` / `.value`. */
  readonly errors?: FieldErrorMap;
  readonly errorPrefix?: string;
}

/** Key/value rows as the console edits them (AttributeEditor, as the S3 console's tag editors). */
export function KeyValueEditor<T extends KeyValue>(props: KeyValueEditorProps<T>) {
  const { items, onChange, words, limit, errors = {}, errorPrefix } = props;
  const set = (index: number, patch: Partial<KeyValue>) =>
    onChange(items.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const column = (part: 'key' | 'value', label: string) => ({
    label,
    control: (row: KeyValue, i: number) => (
      <Input
        value={row[part]}
        ariaLabel={`${words.row} ${part} ${i + 1}`}
        onChange={({ detail }) => set(i, { [part]: detail.value })}
      />
    ),
    ...(errorPrefix === undefined
      ? {}
      : { errorText: (_row: KeyValue, i: number) => errors[`${errorPrefix}${i}.${part}`] }),
  });
  return (
    <AttributeEditor
      items={items}
      onAddButtonClick={() => onChange([...items, { key: '', value: '' }])}
      onRemoveButtonClick={({ detail }) => onChange(items.filter((_, i) => i !== detail.itemIndex))}
      addButtonText={words.add}
      removeButtonText="Remove"
      empty={words.empty}
      {...(limit === undefined
        ? {}
        : {
            disableAddButton: items.length >= limit,
            additionalInfo: `You can add ${Math.max(0, limit - items.length)} more ${words.plural}.`,
          })}
      definition={[column('key', 'Key'), column('value', 'Value')]}
    />
  );
}
