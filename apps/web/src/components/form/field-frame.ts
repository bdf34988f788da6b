import type { FormFieldProps } from '@cloudscape-design/components/form-field';
import { optionalLabel } from '../optional-label';

/** What every labelled field passes to its FormField, and the name of its input. */
export interface FieldFrame
  extends Pick<FormFieldProps, 'label' | 'description' | 'constraintText' | 'errorText'> {
  /** Marks the label "- optional", as the AWS console does; the input keeps the plain label as its name. */
  readonly optional?: boolean;
  /** The input's name when it differs from the label. */
  readonly ariaLabel?: string;
}

/** The FormField props of a field's props. */
export const frameOf = ({ label, optional, description, constraintText, errorText }: FieldFrame) => ({
  label: optional && typeof label === 'string' ? optionalLabel(label) : label,
  description,
  constraintText,
  errorText,
});

/** The input's name: the one given, else the label's text. */
export const ariaLabelOf = ({ ariaLabel, label }: FieldFrame): string | undefined =>
  ariaLabel ?? (typeof label === 'string' ? label : undefined);
