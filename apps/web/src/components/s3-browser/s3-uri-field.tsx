import FormField from '@cloudscape-design/components/form-field';
import type { FieldFrame } from '../form/field-frame';
import { S3ResourceField } from './s3-resource-field';

interface S3UriFieldProps extends Omit<FieldFrame, 'label'> {
  /** The field's label, which also names the input. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (uri: string) => void;
  readonly placeholder: string;
  /** objects: a manifest; buckets (the default): a bucket or a folder, as a destination. */
  readonly pick?: 'objects' | 'buckets';
  /** The input's name when it differs from the label. */
  readonly ariaLabel?: string;
  /** Also marks the input invalid, apart from errorText (e.g. the object cannot be read). */
  readonly invalid?: boolean;
}

/** A labelled S3 URI, typed or browsed. */
export function S3UriField(props: S3UriFieldProps) {
  const { label, description, errorText, value, onChange, placeholder, pick, ariaLabel, invalid } = props;
  return (
    <FormField label={label} description={description} errorText={errorText}>
      <S3ResourceField
        uri={value}
        onChange={onChange}
        pick={pick ?? 'buckets'}
        invalid={Boolean(errorText) || invalid === true}
        ariaLabel={ariaLabel ?? label}
        placeholder={placeholder}
      />
    </FormField>
  );
}
