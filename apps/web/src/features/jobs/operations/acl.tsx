import { type CannedAcl, cannedAcls } from '@batchops/contracts';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface AclFields {
  aclCannedAcl: CannedAcl;
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    acl: AclFields;
  }
}

export const aclOptions = cannedAcls.map((a) => ({ value: a, label: a }));

function AclParameters({ form, update, errors }: OperationFormProps) {
  return (
    <Container header={<Header variant="h2">Access control list</Header>}>
      <FormField label="Canned ACL" errorText={errors.cannedAcl}>
        <Select
          selectedOption={{ value: form.aclCannedAcl, label: form.aclCannedAcl }}
          options={aclOptions}
          onChange={({ detail }) => update({ aclCannedAcl: detail.selectedOption.value as CannedAcl })}
        />
      </FormField>
    </Container>
  );
}

const items = (op: { cannedAcl: CannedAcl }): DetailItem[] => [{ label: 'Canned ACL', value: op.cannedAcl }];

export const acl = webOperation({
  type: 'acl',
  label: 'Replace access control list (ACL)',
  description: 'Replace the ACL of each object with a canned ACL.',
  Parameters: AclParameters,
  defaults: { aclCannedAcl: 'private' },
  toModel: (form) => ({ type: 'acl', cannedAcl: form.aclCannedAcl }),
  fromModel: (op) => ({ aclCannedAcl: op.cannedAcl }),
  errorFields: { cannedAcl: 'cannedAcl' },
  reviewItems: items,
  detailItems: items,
});
