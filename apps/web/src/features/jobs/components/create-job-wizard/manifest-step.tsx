import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { S3ResourceField } from '../../../../components/s3-browser/s3-resource-field';
import { regionOptions } from '../../../../config/regions';
import { GeneratedManifestFields } from './generated-manifest-fields';
import type { WizardStepProps } from './wizard-step-props';

export function ManifestStep({ form, update, errors, manifestHead }: WizardStepProps) {
  const region = regionOptions.find((o) => o.value === form.region) ?? {
    value: form.region,
    label: form.region,
  };
  const readEtag = manifestHead.data?.etag ?? '';
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Region</Header>}>
        <FormField
          label="AWS Region"
          description="The job runs in this Region; the manifest must be in it too."
          errorText={errors.region}
        >
          <Select
            selectedOption={region}
            options={regionOptions}
            onChange={({ detail }) => update({ region: detail.selectedOption.value ?? form.region })}
          />
        </FormField>
      </Container>
      <Container header={<Header variant="h2">Manifest</Header>}>
        <SpaceBetween size="l">
          <FormField label="Manifest format">
            <RadioGroup
              value={form.manifestFormat}
              onChange={({ detail }) => {
                const manifestFormat = detail.value as typeof form.manifestFormat;
                // Only Replicate runs over a manifest from the replication configuration.
                update(
                  manifestFormat === 'replication'
                    ? { manifestFormat, operation: 'replicate' }
                    : { manifestFormat },
                );
              }}
              items={[
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
              ]}
            />
          </FormField>
          {form.manifestFormat === 'replication' && (
            <GeneratedManifestFields form={form} update={update} errors={errors} />
          )}
          {form.manifestFormat !== 'replication' && (
            <>
              <FormField
                label="Manifest object"
                description="The S3 URI of the manifest: type it, or browse your buckets."
                errorText={
                  errors.manifestUri ??
                  (manifestHead.error ? `Cannot read the object: ${manifestHead.error.message}` : undefined)
                }
              >
                <S3ResourceField
                  uri={form.manifestUri}
                  onChange={(uri) => update({ manifestUri: uri, manifestEtag: null })}
                  pick="objects"
                  invalid={Boolean(errors.manifestUri || manifestHead.error)}
                  ariaLabel="Manifest object"
                  placeholder="s3://bucket/prefix/manifest.csv"
                />
              </FormField>
              <FormField
                label={
                  <>
                    Manifest object version ID - <i>optional</i>
                  </>
                }
                description="Leave empty to use the latest version."
                errorText={errors.manifestVersionId}
              >
                <Input
                  value={form.manifestVersionId}
                  ariaLabel="Manifest object version ID"
                  onChange={({ detail }) => update({ manifestVersionId: detail.value })}
                />
              </FormField>
              <FormField
                label="Manifest object ETag"
                description="Read from the object. The job only runs over a manifest with this ETag."
                errorText={errors.manifestEtag}
              >
                <Input
                  value={form.manifestEtag ?? readEtag}
                  ariaLabel="Manifest object ETag"
                  placeholder={
                    manifestHead.isFetching ? 'Reading the object…' : 'Read when the object is chosen'
                  }
                  onChange={({ detail }) => update({ manifestEtag: detail.value })}
                />
              </FormField>
            </>
          )}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
