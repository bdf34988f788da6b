import FormField from '@cloudscape-design/components/form-field';
import { ariaLabelOf, type FieldFrame, frameOf } from '../form/field-frame';
import { S3ResourceField } from './s3-resource-field';

interface S3UriFieldProps extends Omit<FieldFrame, 'label'> {
  /** The field's label, which also names the input. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (uri: string) => void;
  /** What an empty field shows; by default an example of what `pick` picks. */
  readonly placeholder?: string;
  /** objects: a manifest; buckets (the default): a bucket or a folder, as a destination. */
  readonly pick?: 'objects' | 'buckets';
  /** Also marks the input invalid, apart from errorText (e.g. the object cannot be read). */
  readonly invalid?: boolean;
}

const examples = { objects: 's3://bucket/prefix/manifest.csv', buckets: 's3://bucket/prefix/' } as const;

/** A labelled S3 URI, typed or browsed, as wide as its form. */
export function S3UriField(props: S3UriFieldProps) {
  const { errorText, value, onChange, pick = 'buckets', invalid } = props;
  return (
    <FormField {...frameOf(props)} stretch>
      <S3ResourceField
        uri={value}
        onChange={onChange}
        pick={pick}
        invalid={Boolean(errorText) || invalid === true}
        ariaLabel={ariaLabelOf(props) ?? props.label}
        placeholder={props.placeholder ?? examples[pick]}
      />
    </FormField>
  );
}
