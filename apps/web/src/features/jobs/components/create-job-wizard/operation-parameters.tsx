import { type ChecksumAlgorithm, checksumAlgorithms, checksumTypesOf } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFunctions } from '../../../functions/api/list-functions';
import { checksumTypeFor, type WizardForm } from './wizard-form';
import type { WizardStepProps } from './wizard-step-props';

type ParamsProps = Pick<WizardStepProps, 'form' | 'update' | 'errors'>;

const optional = (label: string) => (
  <>
    {label} - <i>optional</i>
  </>
);

export function ReplicateParameters() {
  return (
    <Container header={<Header variant="h2">Replicate</Header>}>
      Each object is replicated to the destinations of the source bucket's replication configuration (every
      enabled rule that applies to it). There is nothing else to set.
    </Container>
  );
}

export function RestoreParameters({ form, update, errors }: ParamsProps) {
  return (
    <Container header={<Header variant="h2">Restore</Header>}>
      <SpaceBetween size="l">
        <FormField label="Restore source">
          <RadioGroup
            value={form.restoreSource}
            onChange={({ detail }) => update({ restoreSource: detail.value as WizardForm['restoreSource'] })}
            items={[
              {
                value: 'glacier',
                label: 'Glacier Flexible Retrieval or Glacier Deep Archive',
                description: 'A temporary copy is restored for the number of days you choose.',
              },
              {
                value: 'intelligentTiering',
                label: 'Intelligent-Tiering Archive Access tier or Deep Archive Access tier',
                description: 'The object moves back to the Frequent Access tier; no number of days applies.',
              },
            ]}
          />
        </FormField>
        {form.restoreSource === 'glacier' && (
          <FormField
            label="Number of days that the restored copy is available"
            description="At least 1 day."
            errorText={errors.restoreDays}
          >
            <Input
              type="number"
              inputMode="numeric"
              value={form.restoreDays}
              ariaLabel="Number of days that the restored copy is available"
              invalid={Boolean(errors.restoreDays)}
              onChange={({ detail }) => update({ restoreDays: detail.value })}
            />
          </FormField>
        )}
        <FormField
          label="Retrieval tier"
          description="Batch Operations offers Bulk and Standard retrieval (not Expedited)."
          errorText={errors.restoreTier}
        >
          <RadioGroup
            value={form.restoreTier}
            onChange={({ detail }) => update({ restoreTier: detail.value as WizardForm['restoreTier'] })}
            items={[
              { value: 'BULK', label: 'Bulk retrieval', description: 'The lowest-cost tier; takes longer.' },
              { value: 'STANDARD', label: 'Standard retrieval', description: 'Typically within hours.' },
            ]}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}

export function LambdaParameters({ form, update, errors }: ParamsProps) {
  const functions = useFunctions(form.region, form.lambdaSource === 'list');
  const options = (functions.data?.functions ?? []).map((f) => ({
    value: f.arn,
    label: f.name,
    description: f.arn,
    ...(f.runtime ? { tags: [f.runtime] } : {}),
  }));
  const selected = options.find((o) => o.value === form.lambdaFunctionArn) ?? null;
  const set = (index: number, patch: Partial<{ key: string; value: string }>) =>
    update({ lambdaArgs: form.lambdaArgs.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  return (
    <Container header={<Header variant="h2">Invoke AWS Lambda function</Header>}>
      <SpaceBetween size="l">
        <FormField label="Lambda function">
          <RadioGroup
            value={form.lambdaSource}
            onChange={({ detail }) =>
              update({ lambdaSource: detail.value as WizardForm['lambdaSource'], lambdaFunctionArn: '' })
            }
            items={[
              { value: 'list', label: 'Choose from functions in your account' },
              { value: 'arn', label: 'Enter ARN' },
            ]}
          />
        </FormField>
        {form.lambdaSource === 'list' ? (
          <FormField
            label="Function"
            description={`Functions in ${form.region}.`}
            errorText={
              errors.lambdaFunctionArn ??
              (functions.isError ? `Cannot list the functions: ${functions.error.message}` : undefined)
            }
          >
            <Select
              selectedOption={selected}
              options={options}
              filteringType="auto"
              placeholder="Choose a function"
              statusType={functions.isPending ? 'loading' : functions.isError ? 'error' : 'finished'}
              loadingText="Loading functions"
              errorText="The functions could not be listed; enter the ARN instead."
              empty="No functions in this Region"
              ariaLabel="Lambda function"
              invalid={Boolean(errors.lambdaFunctionArn)}
              onChange={({ detail }) => update({ lambdaFunctionArn: detail.selectedOption.value ?? '' })}
            />
          </FormField>
        ) : (
          <FormField
            label="Function ARN"
            description="The function's ARN, without a version or alias."
            errorText={errors.lambdaFunctionArn}
          >
            <Input
              value={form.lambdaFunctionArn}
              ariaLabel="Function ARN"
              placeholder="arn:aws:lambda:us-east-1:123456789012:function:name"
              invalid={Boolean(errors.lambdaFunctionArn)}
              onChange={({ detail }) => update({ lambdaFunctionArn: detail.value })}
            />
          </FormField>
        )}
        <FormField
          label={optional('Function version or alias')}
          description="Leave empty for the unqualified function ($LATEST)."
          errorText={errors.lambdaVersion}
        >
          <Input
            value={form.lambdaVersion}
            ariaLabel="Function version or alias"
            placeholder="$LATEST, 3, or an alias such as live"
            invalid={Boolean(errors.lambdaVersion)}
            onChange={({ detail }) => update({ lambdaVersion: detail.value })}
          />
        </FormField>
        <FormField
          label="Invocation schema version"
          description="The payload Batch Operations sends to the function."
          errorText={errors.lambdaSchema}
        >
          <RadioGroup
            value={form.lambdaSchema}
            onChange={({ detail }) => update({ lambdaSchema: detail.value as WizardForm['lambdaSchema'] })}
            items={[
              { value: '1.0', label: 'Version 1.0', description: 'Tasks name the bucket by its ARN.' },
              {
                value: '2.0',
                label: 'Version 2.0',
                description: 'Tasks name the bucket; the job can pass user arguments to the function.',
              },
            ]}
          />
        </FormField>
        {form.lambdaSchema === '2.0' ? (
          <FormField
            label={optional('User arguments')}
            description="Key-value pairs passed to the function in job.userArguments (at most 10)."
            errorText={errors.lambdaArgs}
          >
            <AttributeEditor
              items={form.lambdaArgs}
              onAddButtonClick={() => update({ lambdaArgs: [...form.lambdaArgs, { key: '', value: '' }] })}
              onRemoveButtonClick={({ detail }) =>
                update({ lambdaArgs: form.lambdaArgs.filter((_, i) => i !== detail.itemIndex) })
              }
              addButtonText="Add user argument"
              removeButtonText="Remove"
              disableAddButton={form.lambdaArgs.length >= 10}
              additionalInfo={`You can add ${Math.max(0, 10 - form.lambdaArgs.length)} more arguments.`}
              empty="No user arguments."
              definition={[
                {
                  label: 'Key',
                  errorText: (_a, i) => errors[`operation.userArguments.${i}.key`],
                  control: (a, i) => (
                    <Input
                      value={a.key}
                      ariaLabel={`User argument key ${i + 1}`}
                      onChange={({ detail }) => set(i, { key: detail.value })}
                    />
                  ),
                },
                {
                  label: 'Value',
                  errorText: (_a, i) => errors[`operation.userArguments.${i}.value`],
                  control: (a, i) => (
                    <Input
                      value={a.value}
                      ariaLabel={`User argument value ${i + 1}`}
                      onChange={({ detail }) => set(i, { value: detail.value })}
                    />
                  ),
                },
              ]}
            />
          </FormField>
        ) : (
          form.lambdaArgs.length > 0 && (
            <Alert type="warning">
              User arguments need invocation schema version 2.0; with 1.0 they are not sent.
            </Alert>
          )
        )}
      </SpaceBetween>
    </Container>
  );
}

export function LegalHoldParameters({ form, update, errors }: ParamsProps) {
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
            update({ legalHoldStatus: detail.value as WizardForm['legalHoldStatus'] })
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

export function RetentionParameters({ form, update, errors }: ParamsProps) {
  return (
    <Container
      header={
        <Header variant="h2" description="The bucket must have S3 Object Lock enabled.">
          Object Lock retention
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Retention">
          <RadioGroup
            value={form.retentionAction}
            onChange={({ detail }) =>
              update({ retentionAction: detail.value as WizardForm['retentionAction'] })
            }
            items={[
              { value: 'set', label: 'Enable', description: 'Set a retention mode and a retain-until date.' },
              {
                value: 'remove',
                label: 'Disable',
                description: 'Remove the retention (governance mode only, with bypass).',
              },
            ]}
          />
        </FormField>
        {form.retentionAction === 'set' && (
          <>
            <FormField label="Retention mode" errorText={errors.retentionMode}>
              <RadioGroup
                value={form.retentionMode || null}
                onChange={({ detail }) =>
                  update({ retentionMode: detail.value as WizardForm['retentionMode'] })
                }
                items={[
                  {
                    value: 'GOVERNANCE',
                    label: 'Governance mode',
                    description: 'Users with s3:BypassGovernanceRetention can change or remove it.',
                  },
                  {
                    value: 'COMPLIANCE',
                    label: 'Compliance mode',
                    description: 'No one can shorten or remove it until the date passes.',
                  },
                ]}
              />
            </FormField>
            <FormField
              label="Retain until date"
              description="The retention ends at 00:00 UTC of this day; it must be in the future."
              constraintText="YYYY/MM/DD"
              errorText={errors.retentionDate}
            >
              <DatePicker
                value={form.retentionDate}
                placeholder="YYYY/MM/DD"
                ariaLabel="Retain until date"
                openCalendarAriaLabel={(d) => `Choose the retain-until date${d ? `, ${d}` : ''}`}
                invalid={Boolean(errors.retentionDate)}
                isDateEnabled={(d) => d.getTime() > Date.now()}
                onChange={({ detail }) => update({ retentionDate: detail.value })}
              />
            </FormField>
          </>
        )}
        <FormField
          label="Bypass governance mode"
          description={
            form.retentionAction === 'remove'
              ? 'Needed to remove a governance-mode retention.'
              : 'Needed to shorten a governance-mode retention.'
          }
        >
          <Checkbox
            checked={form.bypassGovernance}
            onChange={({ detail }) => update({ bypassGovernance: detail.checked })}
          >
            Bypass governance retention
          </Checkbox>
        </FormField>
      </SpaceBetween>
    </Container>
  );
}

const algorithmLabels: Record<ChecksumAlgorithm, string> = {
  CRC32: 'CRC32',
  CRC32C: 'CRC32C',
  CRC64NVME: 'CRC64NVME',
  MD5: 'MD5',
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
  XXHASH64: 'XXHash64',
  XXHASH3: 'XXHash3',
  XXHASH128: 'XXHash128',
};

export function ChecksumParameters({ form, update, errors }: ParamsProps) {
  const options = checksumAlgorithms.map((a) => ({ value: a, label: algorithmLabels[a] }));
  const types = checksumTypesOf(form.checksumAlgorithm);
  return (
    <Container
      header={
        <Header variant="h2" description="The checksums are listed in the completion report.">
          Compute checksum
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Checksum function" errorText={errors.checksumAlgorithm}>
          <Select
            selectedOption={options.find((o) => o.value === form.checksumAlgorithm) ?? null}
            options={options}
            ariaLabel="Checksum function"
            onChange={({ detail }) => {
              const algorithm = detail.selectedOption.value as ChecksumAlgorithm;
              update({
                checksumAlgorithm: algorithm,
                checksumType: checksumTypeFor(algorithm, form.checksumType),
              });
            }}
          />
        </FormField>
        <FormField label="Checksum type" errorText={errors.checksumType}>
          <RadioGroup
            value={form.checksumType}
            onChange={({ detail }) => update({ checksumType: detail.value as WizardForm['checksumType'] })}
            items={[
              {
                value: 'FULL_OBJECT',
                label: 'Full object',
                description: 'One checksum over the whole object.',
                disabled: !types.includes('FULL_OBJECT'),
              },
              {
                value: 'COMPOSITE',
                label: 'Composite',
                description: "A checksum of the parts' checksums (multipart objects).",
                disabled: !types.includes('COMPOSITE'),
              },
            ]}
          />
        </FormField>
        <Box variant="small">
          {algorithmLabels[form.checksumAlgorithm]} computes{' '}
          {types.length === 2
            ? 'full-object and composite'
            : types[0] === 'FULL_OBJECT'
              ? 'full-object'
              : 'composite'}{' '}
          checksums.
        </Box>
      </SpaceBetween>
    </Container>
  );
}

export function UpdateEncryptionParameters({ form, update, errors }: ParamsProps) {
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
