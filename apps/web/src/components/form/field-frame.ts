import type { FormFieldProps } from '@cloudscape-design/components/form-field';

/** What every labelled field passes to its FormField. */
export type FieldFrame = Pick<FormFieldProps, 'label' | 'description' | 'constraintText' | 'errorText'>;

/** The FormField props of a field's props. */
export const frameOf = ({ label, description, constraintText, errorText }: FieldFrame): FieldFrame => ({
  label,
  description,
  constraintText,
  errorText,
});
