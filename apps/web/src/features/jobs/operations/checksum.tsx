import { type ChecksumAlgorithm, checksumAlgorithms, checksumTypesOf } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface ChecksumFields {
  checksumAlgorithm: ChecksumAlgorithm;
  checksumType: 'FULL_OBJECT' | 'COMPOSITE';
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    checksum: ChecksumFields;
  }
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

/** The checksum type to keep when the algorithm changes: the same one if the algorithm has it. */
export function checksumTypeFor(
  algorithm: ChecksumAlgorithm,
  current: 'FULL_OBJECT' | 'COMPOSITE',
): 'FULL_OBJECT' | 'COMPOSITE' {
  const types = checksumTypesOf(algorithm);
  return types.includes(current) ? current : (types[0] as 'FULL_OBJECT' | 'COMPOSITE');
}

function ChecksumParameters({ form, update, errors }: OperationFormProps) {
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
            onChange={({ detail }) =>
              update({ checksumType: detail.value as ChecksumFields['checksumType'] })
            }
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

const items = (op: {
  algorithm: ChecksumAlgorithm;
  checksumType: 'FULL_OBJECT' | 'COMPOSITE';
}): DetailItem[] => [
  { label: 'Checksum function', value: op.algorithm },
  { label: 'Checksum type', value: op.checksumType === 'FULL_OBJECT' ? 'Full object' : 'Composite' },
];

export const checksum = webOperation({
  type: 'checksum',
  label: 'Compute checksum',
  description: 'Compute a checksum of each object at rest; the completion report lists them.',
  Parameters: ChecksumParameters,
  defaults: { checksumAlgorithm: 'CRC64NVME', checksumType: 'FULL_OBJECT' },
  toModel: (form) => ({
    type: 'checksum',
    algorithm: form.checksumAlgorithm,
    checksumType: form.checksumType,
  }),
  fromModel: (op) => ({ checksumAlgorithm: op.algorithm, checksumType: op.checksumType }),
  errorFields: { algorithm: 'checksumAlgorithm', checksumType: 'checksumType' },
  reviewItems: items,
  detailItems: items,
});
