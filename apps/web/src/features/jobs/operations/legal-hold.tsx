import { bindField } from '../../../components/form/bind-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface LegalHoldFields {
  legalHoldStatus: 'ON' | 'OFF';
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    legalHold: LegalHoldFields;
  }
}

function LegalHoldParameters(props: OperationFormProps) {
  return (
    <Section title="Object Lock legal hold" description="The bucket must have S3 Object Lock enabled.">
      <RadioField
        {...bindField(props, 'legalHoldStatus')}
        label="Legal hold"
        items={[
          { value: 'ON', label: 'Enable', description: 'Place a legal hold on each object version.' },
          { value: 'OFF', label: 'Disable', description: 'Remove the legal hold of each object version.' },
        ]}
      />
    </Section>
  );
}

const items = (op: { status: 'ON' | 'OFF' }): DetailItem[] => [
  { label: 'Legal hold', value: op.status === 'ON' ? 'Enable (ON)' : 'Disable (OFF)' },
];

export const legalHold = webOperation({
  type: 'legalHold',
  description: 'Place or remove a legal hold on each object version.',
  Parameters: LegalHoldParameters,
  defaults: { legalHoldStatus: 'ON' },
  toModel: (form) => ({ type: 'legalHold', status: form.legalHoldStatus }),
  fromModel: (op) => ({ legalHoldStatus: op.status }),
  errorFields: { status: 'legalHoldStatus' },
  reviewItems: items,
  detailItems: items,
});
