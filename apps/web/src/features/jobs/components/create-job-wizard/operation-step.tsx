import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { operationChoices, webOperationOf } from '../../operations/operation-registry';
import type { WizardForm } from './wizard-form-state';
import type { WizardStepProps } from './wizard-step-props';

export function OperationStep({ form, update, errors }: WizardStepProps) {
  const { Parameters } = webOperationOf(form.operation);
  // As the S3 console: a manifest from the replication configuration serves only Replicate.
  const replicationOnly = form.manifestFormat === 'replication';
  const items = operationChoices.map((c) =>
    replicationOnly && c.value !== 'replicate' ? { ...c, disabled: true } : c,
  );
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Operation</Header>}>
        <FormField
          label="Operation type"
          errorText={errors.operation}
          {...(replicationOnly
            ? {
                description:
                  'The manifest is created from the replication configuration: only Replicate applies.',
              }
            : {})}
        >
          <RadioGroup
            value={form.operation}
            onChange={({ detail }) => update({ operation: detail.value as WizardForm['operation'] })}
            items={items}
          />
        </FormField>
      </Container>
      <Parameters form={form} update={update} errors={errors} />
    </SpaceBetween>
  );
}
