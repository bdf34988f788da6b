import SpaceBetween from '@cloudscape-design/components/space-between';
import { bindField } from '../../../../components/form/bind-field';
import { InputField } from '../../../../components/form/input-field';
import { RadioField } from '../../../../components/form/radio-field';
import { Section } from '../../../../components/form/section';
import { SelectField } from '../../../../components/form/select-field';
import { S3UriField } from '../../../../components/s3-browser/s3-uri-field';
import { regionOptions } from '../../../../config/regions';
import { GeneratedManifestFields } from './generated-manifest-fields';
import type { WizardStepProps } from './wizard-step-props';

const formatItems = [
  {
    value: 'csv',
    label: 'CSV',
    description: 'Each row names an object: bucket, key and, optionally, version ID.',
  },
  {
    value: 'inventory',
    label: 'S3 inventory report (manifest.json)',
    description: 'The manifest.json file of an Amazon S3 Inventory report.',
  },
  {
    value: 'replication',
    label: 'Create manifest using S3 Replication configuration',
    description:
      "S3 lists the objects the source bucket's replication configuration applies to. Only Replicate can use it.",
  },
] as const;

/** A CSV or inventory manifest: the object, its version and its ETag. */
function ManifestObjectFields(props: WizardStepProps) {
  const { form, update, errors, manifestHead } = props;
  return (
    <>
      <S3UriField
        label="Manifest object"
        description="The S3 URI of the manifest: type it, or browse your buckets."
        errorText={
          errors.manifestUri ??
          (manifestHead.error ? `Cannot read the object: ${manifestHead.error.message}` : undefined)
        }
        invalid={Boolean(manifestHead.error)}
        value={form.manifestUri}
        onChange={(uri) => update({ manifestUri: uri, manifestEtag: null })}
        pick="objects"
      />
      <InputField
        {...bindField(props, 'manifestVersionId')}
        label="Manifest object version ID"
        optional
        description="Leave empty to use the latest version."
      />
      <InputField
        label="Manifest object ETag"
        description="Read from the object. The job only runs over a manifest with this ETag."
        errorText={errors.manifestEtag}
        placeholder={manifestHead.isFetching ? 'Reading the object…' : 'Read when the object is chosen'}
        value={form.manifestEtag ?? manifestHead.data?.etag ?? ''}
        onChange={(manifestEtag) => update({ manifestEtag })}
      />
    </>
  );
}

export function ManifestStep(props: WizardStepProps) {
  const { form, update, errors } = props;
  return (
    <SpaceBetween size="l">
      <Section title="Region">
        <SelectField
          label="AWS Region"
          description="The job runs in this Region; the manifest must be in it too."
          errorText={errors.region}
          value={form.region}
          options={regionOptions}
          keepUnlisted
          onChange={(region) => update({ region: region || form.region })}
        />
      </Section>
      <Section title="Manifest">
        <RadioField
          label="Manifest format"
          value={form.manifestFormat}
          // Only Replicate runs over a manifest from the replication configuration.
          onChange={(manifestFormat) =>
            update(
              manifestFormat === 'replication'
                ? { manifestFormat, operation: 'replicate' }
                : { manifestFormat },
            )
          }
          items={formatItems}
        />
        {form.manifestFormat === 'replication' ? (
          <GeneratedManifestFields form={form} update={update} errors={errors} />
        ) : (
          <ManifestObjectFields {...props} />
        )}
      </Section>
    </SpaceBetween>
  );
}
