import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNotifications } from '../../../../components/notifications';
import { useRoles } from '../../api/get-roles';
import { RolePolicies } from './role-policies';
import { RoleTemplateModal } from './role-template-modal';
import { roleNameOf, toRoleTemplateRequest } from './role-template-request';
import type { WizardStepProps } from './wizard-step-props';

type Mode = 'existing' | 'arn';

/** The wizard's Permissions: an existing role (ListRoles) or a typed ARN, its policies, and a role made from a template. */
export function PermissionsField({
  form,
  update,
  errors,
}: Pick<WizardStepProps, 'form' | 'update' | 'errors'>) {
  const roles = useRoles();
  const { notify } = useNotifications();
  const [mode, setMode] = useState<Mode>('existing');
  const [templateOpen, setTemplateOpen] = useState(false);
  // Decided once, when the list first answers: a cloned job's role the list does not hold (another
  // path, no iam:ListRoles permission) shows as typed; later changes are the user's own choice.
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || roles.isPending) return;
    decided.current = true;
    const arn = form.roleArn.trim();
    if (roles.isError || (arn !== '' && !roles.data?.some((r) => r.arn === arn))) setMode('arn');
  }, [roles.isPending, roles.isError, roles.data, form.roleArn]);

  const options: SelectProps.Option[] = useMemo(
    () =>
      (roles.data ?? []).map((r) => ({
        value: r.arn,
        label: r.name,
        description: r.arn,
        tags: [r.trustsBatchOperations ? 'Trusts Batch Operations' : 'Not trusted by Batch Operations'],
      })),
    [roles.data],
  );
  const selected = options.find((o) => o.value === form.roleArn.trim()) ?? null;
  const roleName = roleNameOf(form.roleArn);
  const job = toRoleTemplateRequest(form);

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
        <FormField
          label="IAM role"
          description="Batch Operations assumes this role to run the operation on your objects."
          errorText={errors.roleArn}
        >
          <Select
            selectedOption={selected}
            options={options}
            filteringType="auto"
            filteringAriaLabel="Filter roles"
            filteringPlaceholder="Find a role by name or ARN"
            placeholder="Choose an IAM role"
            ariaLabel="IAM role"
            statusType={roles.isPending ? 'loading' : roles.isError ? 'error' : 'finished'}
            loadingText="Reading the roles"
            errorText={roles.error ? `The roles could not be listed: ${roles.error.message}` : undefined}
            empty="No roles in this account"
            invalid={Boolean(errors.roleArn)}
            onChange={({ detail }) => update({ roleArn: detail.selectedOption.value ?? '' })}
          />
        </FormField>
      ) : (
        <FormField
          label="IAM role ARN"
          description="Batch Operations assumes this role to run the operation on your objects."
          errorText={errors.roleArn}
        >
          <Input
            value={form.roleArn}
            ariaLabel="IAM role ARN"
            placeholder="arn:aws:iam::123456789012:role/name"
            invalid={Boolean(errors.roleArn)}
            onChange={({ detail }) => update({ roleArn: detail.value })}
          />
        </FormField>
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
          job={job}
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
