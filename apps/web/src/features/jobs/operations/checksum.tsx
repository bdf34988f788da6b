import { type ChecksumAlgorithm, checksumAlgorithms, checksumTypesOf } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import { bindField } from '../../../components/form/bind-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { SelectField } from '../../../components/form/select-field';
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

const algorithmOptions = checksumAlgorithms.map((a) => ({ value: a, label: algorithmLabels[a] }));

/** The checksum type to keep when the algorithm changes: the same one if the algorithm has it. */
export function checksumTypeFor(
  algorithm: ChecksumAlgorithm,
  current: 'FULL_OBJECT' | 'COMPOSITE',
): 'FULL_OBJECT' | 'COMPOSITE' {
  const types = checksumTypesOf(algorithm);
  return types.includes(current) ? current : (types[0] as 'FULL_OBJECT' | 'COMPOSITE');
}

function ChecksumParameters(props: OperationFormProps) {
  const { form, update, errors } = props;
  const types = checksumTypesOf(form.checksumAlgorithm);
  return (
    <Section title="Compute checksum" description="The checksums are listed in the completion report.">
      <SelectField
        label="Checksum function"
        errorText={errors.checksumAlgorithm}
        value={form.checksumAlgorithm}
        options={algorithmOptions}
        onChange={(algorithm) =>
          update({
            checksumAlgorithm: algorithm,
            checksumType: checksumTypeFor(algorithm, form.checksumType),
          })
        }
      />
      <RadioField
        {...bindField(props, 'checksumType')}
        label="Checksum type"
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
      <Box variant="small">
        {algorithmLabels[form.checksumAlgorithm]} computes{' '}
        {types.length === 2
          ? 'full-object and composite'
          : types[0] === 'FULL_OBJECT'
            ? 'full-object'
            : 'composite'}{' '}
        checksums.
      </Box>
    </Section>
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
