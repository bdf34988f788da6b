import CloudscapeKeyValuePairs, {
  type KeyValuePairsProps,
} from '@cloudscape-design/components/key-value-pairs';
import { useId } from 'react';

/**
 * Cloudscape's key-value pairs, each value a group named by its label: a value is found by its
 * name (assistive technology, the e2e page objects), not by its place after the term.
 */
export function KeyValuePairs({ items, ...props }: KeyValuePairsProps) {
  const prefix = useId();
  return (
    <CloudscapeKeyValuePairs
      {...props}
      items={items.map((item, i) =>
        item.type === 'group' ? item : labelled(item, item.id ?? `${prefix}kv${i}`),
      )}
    />
  );
}

function labelled(pair: KeyValuePairsProps.Pair, id: string): KeyValuePairsProps.Pair {
  return {
    ...pair,
    id,
    value: (
      // biome-ignore lint/a11y/useSemanticElements: a shown value, not form controls (a fieldset would announce a form group)
      <div role="group" aria-labelledby={id}>
        {pair.value}
      </div>
    ),
  };
}
