import FormField from '@cloudscape-design/components/form-field';
import RadioGroup, { type RadioGroupProps } from '@cloudscape-design/components/radio-group';
import { type FieldFrame, frameOf } from './field-frame';

export type RadioItem<V extends string> = RadioGroupProps.RadioButtonDefinition & { readonly value: V };

interface RadioFieldProps<V extends string> extends FieldFrame {
  readonly value: V | null;
  readonly items: readonly RadioItem<V>[];
  readonly onChange: (value: V) => void;
}

/** A labelled choice of one of a few values, typed by its values. */
export function RadioField<V extends string>(props: RadioFieldProps<V>) {
  const { value, items, onChange, ariaLabel } = props;
  return (
    <FormField {...frameOf(props)}>
      <RadioGroup
        value={value}
        items={items as RadioItem<V>[]}
        ariaLabel={ariaLabel}
        // The group offers only its items' values.
        onChange={({ detail }) => onChange(detail.value as V)}
      />
    </FormField>
  );
}
