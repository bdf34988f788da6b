import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { ariaLabelOf, type FieldFrame, frameOf } from './field-frame';

export type SelectItem<V extends string> = SelectProps.Option & { readonly value: V };

type PassedSelectProps = Pick<
  SelectProps,
  | 'placeholder'
  | 'filteringType'
  | 'filteringAriaLabel'
  | 'filteringPlaceholder'
  | 'statusType'
  | 'loadingText'
  | 'empty'
>;

interface SelectFieldProps<V extends string> extends FieldFrame, PassedSelectProps {
  readonly value: V;
  readonly options: readonly SelectItem<V>[];
  readonly onChange: (value: V) => void;
  /** The list's own error (it could not be loaded), apart from the field's. */
  readonly listErrorText?: string;
  /** Show a value the options do not hold (yet) as itself, rather than as nothing chosen. */
  readonly keepUnlisted?: boolean;
}

/** A labelled drop-down of values. */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { value, options, onChange, listErrorText, errorText, keepUnlisted } = props;
  const passed: PassedSelectProps & { ariaLabel?: string } = {
    ariaLabel: ariaLabelOf(props),
    placeholder: props.placeholder,
    filteringType: props.filteringType,
    filteringAriaLabel: props.filteringAriaLabel,
    filteringPlaceholder: props.filteringPlaceholder,
    statusType: props.statusType,
    loadingText: props.loadingText,
    empty: props.empty,
  };
  const selected =
    options.find((o) => o.value === value) ?? (keepUnlisted && value ? { value, label: value } : null);
  return (
    <FormField {...frameOf(props)}>
      <Select
        {...passed}
        selectedOption={selected}
        options={options as SelectItem<V>[]}
        errorText={listErrorText}
        invalid={Boolean(errorText)}
        // The list offers only its options' values.
        onChange={({ detail }) => onChange((detail.selectedOption.value ?? '') as V)}
      />
    </FormField>
  );
}
