import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { S3ResourceField } from '../../../../components/s3-browser/s3-resource-field';
import { TagsEditor } from '../tags-editor';
import { PermissionsField } from './permissions-field';
import type { WizardStepProps } from './wizard-step-props';

export function OptionsStep({ form, update, errors }: WizardStepProps) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Additional options</Header>}>
        <SpaceBetween size="l">
          <FormField
            label={
              <>
                Description - <i>optional</i>
              </>
            }
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
          <FormField
            label="Priority"
            description="Jobs with a higher number run first."
            constraintText="A whole number from 0 to 2147483647."
            errorText={errors.priority}
          >
            <Input
              type="number"
              inputMode="numeric"
              value={form.priority}
              ariaLabel="Priority"
              onChange={({ detail }) => update({ priority: detail.value })}
            />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">Completion report</Header>}>
        <SpaceBetween size="l">
          <Checkbox
            checked={form.reportEnabled}
            onChange={({ detail }) => update({ reportEnabled: detail.checked })}
          >
            Generate completion report
          </Checkbox>
          {form.reportEnabled && (
            <>
              <FormField label="Completion report scope">
                <RadioGroup
                  value={form.reportScope}
                  onChange={({ detail }) => update({ reportScope: detail.value as typeof form.reportScope })}
                  items={[
                    { value: 'FailedTasksOnly', label: 'Failed tasks only' },
                    { value: 'AllTasks', label: 'All tasks' },
                  ]}
                />
              </FormField>
              <FormField
                label="Completion report destination"
                description="The bucket, and optionally a prefix, the report is written to."
                errorText={errors.reportUri}
              >
                <S3ResourceField
                  uri={form.reportUri}
                  onChange={(reportUri) => update({ reportUri })}
                  pick="buckets"
                  invalid={Boolean(errors.reportUri)}
                  ariaLabel="Completion report destination"
                  placeholder="s3://bucket/prefix/"
                />
              </FormField>
            </>
          )}
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">Permissions</Header>}>
        <PermissionsField form={form} update={update} errors={errors} />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Tags on the job itself (at most 50), for access control and search."
          >
            Job tags - <i>optional</i>
          </Header>
        }
      >
        <TagsEditor
          tags={form.jobTags}
          onChange={(jobTags) => update({ jobTags })}
          limit={50}
          errors={errors}
          errorPrefix="tags."
        />
      </Container>
      <Container header={<Header variant="h2">Run option</Header>}>
        <RadioGroup
          value={form.runOption}
          onChange={({ detail }) => update({ runOption: detail.value as typeof form.runOption })}
          items={[
            {
              value: 'wait',
              label: 'Wait to run the job when it is ready',
              description: 'The job waits in Suspended until you review it and choose Run job.',
            },
            { value: 'auto', label: 'Run automatically when ready' },
          ]}
        />
      </Container>
    </SpaceBetween>
  );
}
