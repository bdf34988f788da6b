import FormField from '@cloudscape-design/components/form-field';
import { ariaLabelOf, type FieldFrame, frameOf } from '../form/field-frame';
import { S3ResourceField } from './s3-resource-field';

interface S3UriFieldProps extends Omit<FieldFrame, 'label'> {
  /** The field's label, which also names the input. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (uri: string) => void;
  readonly placeholder: string;
  /** objects: a manifest; buckets (the default): a bucket or a folder, as a destination. */
  readonly pick?: 'objects' | 'buckets';
  /** Also marks the input invalid, apart from errorText (e.g. the object cannot be read). */
  readonly invalid?: boolean;
}

/** A labelled S3 URI, typed or browsed. */
export function S3UriField(props: S3UriFieldProps) {
  const { errorText, value, onChange, placeholder, pick, invalid } = props;
  return (
    <FormField {...frameOf(props)}>
      <S3ResourceField
        uri={value}
        onChange={onChange}
        pick={pick ?? 'buckets'}
        invalid={Boolean(errorText) || invalid === true}
        ariaLabel={ariaLabelOf(props) ?? props.label}
        placeholder={placeholder}
      />
    </FormField>
  );
}
