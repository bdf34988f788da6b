import { tagLimits } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { CompletionReportSection } from '../../../../components/completion-report-section';
import { bindField } from '../../../../components/form/bind-field';
import { InputField } from '../../../../components/form/input-field';
import { RadioField } from '../../../../components/form/radio-field';
import { Section } from '../../../../components/form/section';
import { optionalLabel } from '../../../../components/optional-label';
import { PermissionsField } from '../../../../components/permissions/permissions-field';
import { S3UriField } from '../../../../components/s3-browser/s3-uri-field';
import { TagsEditor } from '../tags-editor';
import { toRoleTemplateRequest } from './role-template-request';
import type { WizardStepProps } from './wizard-step-props';

type OptionsProps = Pick<WizardStepProps, 'form' | 'update' | 'errors'>;

function AdditionalOptionsSection(props: OptionsProps) {
  const { form, update, errors } = props;
  return (
    <Section title="Additional options">
      <FormField
        label={optionalLabel('Description')}
        constraintText={`${form.description.length}/256 characters`}
        errorText={
          errors.description ?? (form.description.length > 256 ? 'At most 256 characters.' : undefined)
        }
      >
        <Textarea
          rows={2}
          value={form.description}
          ariaLabel="Description"
          onChange={({ detail }) => update({ description: detail.value })}
        />
      </FormField>
      <InputField
        {...bindField(props, 'priority')}
        label="Priority"
        description="Jobs with a higher number run first."
        constraintText="A whole number from 0 to 2147483647."
        numeric
      />
    </Section>
  );
}

export function OptionsStep(props: WizardStepProps) {
  const { form, update, errors } = props;
  return (
    <SpaceBetween size="l">
      <AdditionalOptionsSection form={form} update={update} errors={errors} />
      <CompletionReportSection
        enabled={form.reportEnabled}
        onEnabled={(reportEnabled) => update({ reportEnabled })}
        scope={form.reportScope}
        onScope={(reportScope) => update({ reportScope })}
      >
        <S3UriField
          {...bindField(props, 'reportUri')}
          label="Completion report destination"
          description="The bucket, and optionally a prefix, the report is written to."
        />
      </CompletionReportSection>
      <Section title="Permissions">
        <PermissionsField
          roleArn={form.roleArn}
          onRoleArn={(roleArn) => update({ roleArn })}
          errorText={errors.roleArn}
          template={toRoleTemplateRequest(form)}
        />
      </Section>
      <Section
        title={optionalLabel('Job tags')}
        description="Tags on the job itself (at most 50), for access control and search."
      >
        <TagsEditor
          tags={form.jobTags}
          onChange={(jobTags) => update({ jobTags })}
          limit={tagLimits.job}
          errors={errors}
          errorPrefix="tags."
        />
      </Section>
      <Section title="Run option">
        <RadioField
          {...bindField(props, 'runOption')}
          items={[
            {
              value: 'wait',
              label: 'Wait to run the job when it is ready',
              description: 'The job waits in Suspended until you review it and choose Run job.',
            },
            { value: 'auto', label: 'Run automatically when ready' },
          ]}
        />
      </Section>
    </SpaceBetween>
  );
}
