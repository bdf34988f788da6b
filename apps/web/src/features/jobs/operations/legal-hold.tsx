import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface LegalHoldFields {
  legalHoldStatus: 'ON' | 'OFF';
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    legalHold: LegalHoldFields;
  }
}

function LegalHoldParameters({ form, update, errors }: OperationFormProps) {
  return (
    <Container
      header={
        <Header variant="h2" description="The bucket must have S3 Object Lock enabled.">
          Object Lock legal hold
        </Header>
      }
    >
      <FormField label="Legal hold" errorText={errors.legalHoldStatus}>
        <RadioGroup
          value={form.legalHoldStatus}
          onChange={({ detail }) =>
            update({ legalHoldStatus: detail.value as LegalHoldFields['legalHoldStatus'] })
          }
          items={[
            { value: 'ON', label: 'Enable', description: 'Place a legal hold on each object version.' },
            { value: 'OFF', label: 'Disable', description: 'Remove the legal hold of each object version.' },
          ]}
        />
      </FormField>
    </Container>
  );
}

const items = (op: { status: 'ON' | 'OFF' }): DetailItem[] => [
  { label: 'Legal hold', value: op.status === 'ON' ? 'Enable (ON)' : 'Disable (OFF)' },
];

export const legalHold = webOperation({
  type: 'legalHold',
  label: 'Object Lock legal hold',
  description: 'Place or remove a legal hold on each object version.',
  Parameters: LegalHoldParameters,
  defaults: { legalHoldStatus: 'ON' },
  toModel: (form) => ({ type: 'legalHold', status: form.legalHoldStatus }),
  fromModel: (op) => ({ legalHoldStatus: op.status }),
  errorFields: { status: 'legalHoldStatus' },
  reviewItems: items,
  detailItems: items,
});
