import { bindField } from '../../../components/form/bind-field';
import { InputField } from '../../../components/form/input-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface UpdateEncryptionFields {
  kmsKeyArn: string;
  bucketKeyEnabled: boolean;
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    updateEncryption: UpdateEncryptionFields;
  }
}

function UpdateEncryptionParameters(props: OperationFormProps) {
  const { form, update } = props;
  return (
    <Section
      title="Update object encryption"
      description="Each object is encrypted again in place with SSE-KMS."
    >
      <RadioField
        label="Encryption type"
        description="Batch Operations updates objects to SSE-KMS."
        value="SSE-KMS"
        onChange={() => {}}
        items={[{ value: 'SSE-KMS', label: 'Server-side encryption with AWS KMS keys (SSE-KMS)' }]}
      />
      <InputField
        {...bindField(props, 'kmsKeyArn')}
        label="AWS KMS key ARN"
        description="The key's ARN (not an alias)."
        placeholder="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      />
      <RadioField
        label="Bucket Key"
        description="An S3 Bucket Key lowers the cost of calls to AWS KMS."
        value={form.bucketKeyEnabled ? 'enable' : 'disable'}
        onChange={(v) => update({ bucketKeyEnabled: v === 'enable' })}
        items={[
          { value: 'disable', label: 'Disable' },
          { value: 'enable', label: 'Enable' },
        ]}
      />
    </Section>
  );
}

const items = (op: { kmsKeyArn: string; bucketKeyEnabled: boolean }): DetailItem[] => [
  { label: 'Encryption', value: 'SSE-KMS' },
  { label: 'AWS KMS key ARN', value: op.kmsKeyArn },
  { label: 'Bucket Key', value: op.bucketKeyEnabled ? 'Enabled' : 'Disabled' },
];

export const updateEncryption = webOperation({
  type: 'updateEncryption',
  description: 'Encrypt each object again with an AWS KMS key (SSE-KMS), without copying it.',
  Parameters: UpdateEncryptionParameters,
  defaults: { kmsKeyArn: '', bucketKeyEnabled: true },
  toModel: (form) => ({
    type: 'updateEncryption',
    kmsKeyArn: form.kmsKeyArn.trim(),
    bucketKeyEnabled: form.bucketKeyEnabled,
  }),
  fromModel: (op) => ({ kmsKeyArn: op.kmsKeyArn, bucketKeyEnabled: op.bucketKeyEnabled }),
  errorFields: { kmsKeyArn: 'kmsKeyArn' },
  reviewItems: items,
  detailItems: items,
});
