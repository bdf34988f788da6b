import type { CannedAcl } from '@batchops/contracts';
import { bindField } from '../../../components/form/bind-field';
import { Section } from '../../../components/form/section';
import { CannedAclField } from './canned-acl-field';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface AclFields {
  aclCannedAcl: CannedAcl;
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    acl: AclFields;
  }
}

function AclParameters(props: OperationFormProps) {
  const { errors } = props;
  return (
    <Section title="Access control list">
      <CannedAclField {...bindField(props, 'aclCannedAcl')} errorText={errors.cannedAcl} />
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
