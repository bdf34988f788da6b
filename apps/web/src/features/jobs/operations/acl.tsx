import { type CannedAcl, cannedAcls } from '@batchops/contracts';
import { bindField } from '../../../components/form/bind-field';
import { Section } from '../../../components/form/section';
import { SelectField } from '../../../components/form/select-field';
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

function AclParameters(props: OperationFormProps) {
  const { errors } = props;
  return (
    <Section title="Access control list">
      <SelectField
        {...bindField(props, 'aclCannedAcl')}
        label="Canned ACL"
        errorText={errors.cannedAcl}
        options={aclOptions}
      />
    </Section>
  );
}

const items = (op: { cannedAcl: CannedAcl }): DetailItem[] => [{ label: 'Canned ACL', value: op.cannedAcl }];

export const acl = webOperation({
  type: 'acl',
  description: 'Replace the ACL of each object with a canned ACL.',
  Parameters: AclParameters,
  defaults: { aclCannedAcl: 'private' },
  toModel: (form) => ({ type: 'acl', cannedAcl: form.aclCannedAcl }),
  fromModel: (op) => ({ aclCannedAcl: op.cannedAcl }),
  errorFields: { cannedAcl: 'cannedAcl' },
  reviewItems: items,
  detailItems: items,
});
