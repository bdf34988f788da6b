import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
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

function UpdateEncryptionParameters({ form, update, errors }: OperationFormProps) {
  return (
    <Container
      header={
        <Header variant="h2" description="Each object is encrypted again in place with SSE-KMS.">
          Update object encryption
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Encryption type" description="Batch Operations updates objects to SSE-KMS.">
          <RadioGroup
            value="SSE-KMS"
            onChange={() => {}}
            items={[{ value: 'SSE-KMS', label: 'Server-side encryption with AWS KMS keys (SSE-KMS)' }]}
          />
        </FormField>
        <FormField
          label="AWS KMS key ARN"
          description="The key's ARN (not an alias)."
          errorText={errors.kmsKeyArn}
        >
          <Input
            value={form.kmsKeyArn}
            ariaLabel="AWS KMS key ARN"
            placeholder="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
            invalid={Boolean(errors.kmsKeyArn)}
            onChange={({ detail }) => update({ kmsKeyArn: detail.value })}
          />
        </FormField>
        <FormField label="Bucket Key" description="An S3 Bucket Key lowers the cost of calls to AWS KMS.">
          <RadioGroup
            value={form.bucketKeyEnabled ? 'enable' : 'disable'}
            onChange={({ detail }) => update({ bucketKeyEnabled: detail.value === 'enable' })}
            items={[
              { value: 'disable', label: 'Disable' },
              { value: 'enable', label: 'Enable' },
            ]}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}

const items = (op: { kmsKeyArn: string; bucketKeyEnabled: boolean }): DetailItem[] => [
  { label: 'Encryption', value: 'SSE-KMS' },
  { label: 'AWS KMS key ARN', value: op.kmsKeyArn },
  { label: 'Bucket Key', value: op.bucketKeyEnabled ? 'Enabled' : 'Disabled' },
];

export const updateEncryption = webOperation({
  type: 'updateEncryption',
  label: 'Update object encryption',
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
