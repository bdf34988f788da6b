import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import { ariaLabelOf, type FieldFrame, frameOf } from './field-frame';

interface InputFieldProps extends FieldFrame, Pick<InputProps, 'placeholder'> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A whole number typed as text (the form keeps what is typed). */
  readonly numeric?: boolean;
}

/** A labelled text (or number) input. */
export function InputField(props: InputFieldProps) {
  const { value, onChange, numeric, placeholder, errorText } = props;
  return (
    <FormField {...frameOf(props)}>
      <Input
        value={value}
        {...(numeric ? { type: 'number', inputMode: 'numeric' } : {})}
        placeholder={placeholder}
        ariaLabel={ariaLabelOf(props)}
        invalid={Boolean(errorText)}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
