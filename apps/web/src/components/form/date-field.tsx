import DatePicker, { type DatePickerProps } from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import { ariaLabelOf, type FieldFrame, frameOf } from './field-frame';

interface DateFieldProps extends Omit<FieldFrame, 'constraintText'> {
  /** YYYY-MM-DD as the picker gives it, '' when not set. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** What the calendar button chooses, e.g. "the earliest creation date". */
  readonly choose: string;
  readonly isDateEnabled?: DatePickerProps['isDateEnabled'];
}

/** A labelled day, typed or picked in a calendar. */
export function DateField(props: DateFieldProps) {
  const { value, onChange, choose, isDateEnabled, errorText } = props;
  return (
    <FormField {...frameOf(props)} constraintText="YYYY/MM/DD">
      <DatePicker
        value={value}
        placeholder="YYYY/MM/DD"
        ariaLabel={ariaLabelOf(props)}
        openCalendarAriaLabel={(d) => `Choose ${choose}${d ? `, ${d}` : ''}`}
        invalid={Boolean(errorText)}
        {...(isDateEnabled ? { isDateEnabled } : {})}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
