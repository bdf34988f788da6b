import type { RoleSummary } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { bindField } from '../../../../components/form/bind-field';
import { InputField } from '../../../../components/form/input-field';
import { SelectField } from '../../../../components/form/select-field';
import { useNotifications } from '../../../../components/notifications';
import { useRoles } from '../../api/get-roles';
import { RolePolicies } from './role-policies';
import { RoleTemplateModal } from './role-template-modal';
import { roleNameOf, toRoleTemplateRequest } from './role-template-request';
import type { WizardStepProps } from './wizard-step-props';

type Mode = 'existing' | 'arn';
type FieldProps = Pick<WizardStepProps, 'form' | 'update' | 'errors'>;

const roleDescription = 'Batch Operations assumes this role to run the operation on your objects.';

/**
 * Choose from the list or type an ARN, decided once, when the list first answers: a cloned job's role
 * the list does not hold (another path, no iam:ListRoles permission) shows as typed.
 */
function useRoleMode(roles: ReturnType<typeof useRoles>, roleArn: string) {
  const [mode, setMode] = useState<Mode>('existing');
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || roles.isPending) return;
    decided.current = true;
    const arn = roleArn.trim();
    if (roles.isError || (arn !== '' && !roles.data?.some((r) => r.arn === arn))) setMode('arn');
  }, [roles.isPending, roles.isError, roles.data, roleArn]);
  return [mode, setMode] as const;
}

const roleOption = (r: RoleSummary) => ({
  value: r.arn,
  label: r.name,
  description: r.arn,
  tags: [r.trustsBatchOperations ? 'Trusts Batch Operations' : 'Not trusted by Batch Operations'],
});

/** One of the account's roles, from a filtering list. */
function RoleSelect({ form, update, errors, roles }: FieldProps & { roles: ReturnType<typeof useRoles> }) {
  return (
    <SelectField
      label="IAM role"
      description={roleDescription}
      errorText={errors.roleArn}
      value={form.roleArn.trim()}
      options={(roles.data ?? []).map(roleOption)}
      filteringType="auto"
      filteringAriaLabel="Filter roles"
      filteringPlaceholder="Find a role by name or ARN"
      placeholder="Choose an IAM role"
      statusType={roles.isPending ? 'loading' : roles.isError ? 'error' : 'finished'}
      loadingText="Reading the roles"
      listErrorText={roles.error ? `The roles could not be listed: ${roles.error.message}` : undefined}
      empty="No roles in this account"
      onChange={(roleArn) => update({ roleArn })}
    />
  );
}

/** The wizard's Permissions: an existing role (ListRoles) or a typed ARN, its policies, and a role made from a template. */
export function PermissionsField(props: FieldProps) {
  const { form, update, errors } = props;
  const roles = useRoles();
  const { notify } = useNotifications();
  const [mode, setMode] = useRoleMode(roles, form.roleArn);
  const [templateOpen, setTemplateOpen] = useState(false);
  const roleName = roleNameOf(form.roleArn);
  return (
    <SpaceBetween size="l">
      <RadioGroup
        value={mode}
        ariaLabel="IAM role"
        onChange={({ detail }) => setMode(detail.value as Mode)}
        items={[
          { value: 'existing', label: 'Choose from existing IAM roles' },
          { value: 'arn', label: 'Enter IAM role ARN' },
        ]}
      />
      {mode === 'existing' ? (
        <RoleSelect form={form} update={update} errors={errors} roles={roles} />
      ) : (
        <InputField
          {...bindField(props, 'roleArn')}
          label="IAM role ARN"
          description={roleDescription}
          placeholder="arn:aws:iam::123456789012:role/name"
        />
      )}
      {roles.isError && (
        <Alert type="warning">
          The roles could not be listed ({roles.error.message}): enter the role ARN.
        </Alert>
      )}
      {roleName && <RolePolicies key={roleName} name={roleName} />}
      <Button iconName="add-plus" onClick={() => setTemplateOpen(true)}>
        Create role from template
      </Button>
      {templateOpen && (
        <RoleTemplateModal
          job={toRoleTemplateRequest(form)}
          onDismiss={() => setTemplateOpen(false)}
          onCreated={(role) => {
            update({ roleArn: role.arn });
            setMode('existing');
            setTemplateOpen(false);
            notify({
              type: 'success',
              content: `Role ${role.name} created with the permissions this job needs.`,
            });
          }}
        />
      )}
    </SpaceBetween>
  );
}
