import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import { type FieldFrame, frameOf } from './field-frame';

interface InputFieldProps extends FieldFrame, Pick<InputProps, 'placeholder' | 'ariaLabel'> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A whole number typed as text (the form keeps what is typed). */
  readonly numeric?: boolean;
}

/** A labelled text (or number) input. */
export function InputField(props: InputFieldProps) {
  const { value, onChange, numeric, placeholder, ariaLabel, errorText } = props;
  return (
    <FormField {...frameOf(props)}>
      <Input
        value={value}
        {...(numeric ? { type: 'number', inputMode: 'numeric' } : {})}
        placeholder={placeholder}
        ariaLabel={ariaLabel ?? (typeof props.label === 'string' ? props.label : undefined)}
        invalid={Boolean(errorText)}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
