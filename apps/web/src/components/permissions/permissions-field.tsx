import type { RoleSummary, RoleTemplateRequest } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { InputField } from '../form/input-field';
import { SelectField } from '../form/select-field';
import { useNotifications } from '../notifications';
import { useRoles } from './api/get-roles';
import { roleNameOf } from './role-name';
import { RolePolicies } from './role-policies';
import { RoleTemplateModal } from './role-template-modal';

type Mode = 'existing' | 'arn';
/** The role of the job being made, and what its template is made from (null: the job's settings are not complete). */
export interface PermissionsFieldProps {
  readonly roleArn: string;
  readonly onRoleArn: (roleArn: string) => void;
  readonly errorText: string | undefined;
  readonly template: RoleTemplateRequest | null;
}
type FieldProps = Omit<PermissionsFieldProps, 'template'>;

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
function RoleSelect({
  roleArn,
  onRoleArn,
  errorText,
  roles,
}: FieldProps & { roles: ReturnType<typeof useRoles> }) {
  return (
    <SelectField
      label="IAM role"
      description={roleDescription}
      errorText={errorText}
      value={roleArn.trim()}
      options={(roles.data ?? []).map(roleOption)}
      filteringType="auto"
      filteringAriaLabel="Filter roles"
      filteringPlaceholder="Find a role by name or ARN"
      placeholder="Choose an IAM role"
      statusType={roles.isPending ? 'loading' : roles.isError ? 'error' : 'finished'}
      loadingText="Reading the roles"
      listErrorText={roles.error ? `The roles could not be listed: ${roles.error.message}` : undefined}
      empty="No roles in this account"
      onChange={onRoleArn}
    />
  );
}

/** A job's Permissions: an existing role (ListRoles) or a typed ARN, its policies, and a role made from a template. */
export function PermissionsField({ roleArn, onRoleArn, errorText, template }: PermissionsFieldProps) {
  const roles = useRoles();
  const { notify } = useNotifications();
  const [mode, setMode] = useRoleMode(roles, roleArn);
  const [templateOpen, setTemplateOpen] = useState(false);
  const roleName = roleNameOf(roleArn);
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
        <RoleSelect roleArn={roleArn} onRoleArn={onRoleArn} errorText={errorText} roles={roles} />
      ) : (
        <InputField
          value={roleArn}
          onChange={onRoleArn}
          errorText={errorText}
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
      <Button formAction="none" iconName="add-plus" onClick={() => setTemplateOpen(true)}>
        Create role from template
      </Button>
      {templateOpen && (
        <RoleTemplateModal
          job={template}
          onDismiss={() => setTemplateOpen(false)}
          onCreated={(role) => {
            onRoleArn(role.arn);
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
