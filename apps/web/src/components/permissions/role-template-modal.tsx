import type { RoleDetails, RoleTemplateRequest } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { apiFieldErrors } from '../../lib/field-errors';
import { ConfirmModal } from '../confirm-modal';
import { QueryView } from '../query-view';
import { useCreateRoleFromTemplate } from './api/create-role-from-template';
import { useRoleTemplate } from './api/get-role-template';
import { PolicyDocumentView } from './policy-document-view';

/**
 * Create role from template: the trust policy and the least-privilege permission policy this job
 * needs, shown before anything is created; Create makes the role and hands it back.
 */
export function RoleTemplateModal({
  job,
  onCreated,
  onDismiss,
}: {
  job: RoleTemplateRequest | null;
  onCreated: (role: RoleDetails) => void;
  onDismiss: () => void;
}) {
  const template = useRoleTemplate(job);
  const create = useCreateRoleFromTemplate();
  const [roleName, setRoleName] = useState('');
  const [touched, setTouched] = useState(false);
  const suggested = template.data?.suggestedRoleName;
  useEffect(() => {
    if (suggested && !touched) setRoleName(suggested);
  }, [suggested, touched]);
  const fieldErrors = apiFieldErrors(create.error);
  const onCreate = () => {
    if (!job) return;
    create.mutate({ roleName: roleName.trim(), job }, { onSuccess: ({ role }) => onCreated(role) });
  };
  return (
    <ConfirmModal
      size="large"
      header="Create role from template"
      onDismiss={onDismiss}
      confirmLabel="Create role"
      onConfirm={onCreate}
      loading={create.isPending}
      disabled={!job || !template.data || roleName.trim() === ''}
    >
      {!job ? (
        <Alert type="info" header="Finish the job's settings first">
          The template is made from the manifest, the operation and the completion report: give them first.
        </Alert>
      ) : (
        <SpaceBetween size="l">
          <FormField
            label="Role name"
            description="The role gets the trust policy and one inline policy with the permissions below."
            constraintText="1 to 64 characters: letters, digits and + = , . @ _ -"
            errorText={fieldErrors.roleName}
          >
            <Input
              value={roleName}
              ariaLabel="Role name"
              onChange={({ detail }) => {
                setTouched(true);
                setRoleName(detail.value);
              }}
            />
          </FormField>
          {create.isError && !fieldErrors.roleName && (
            <Alert type="error" header="The role could not be created">
              {create.error.message}
            </Alert>
          )}
          <QueryView
            query={template}
            loading="Reading the manifest"
            errorHeader="The template could not be made"
          >
            {(data) => (
              <>
                {data.notes.map((n) => (
                  <Alert key={n} type="info">
                    {n}
                  </Alert>
                ))}
                <PolicyDocumentView
                  label={`Permission policy (${data.policyName})`}
                  document={data.permissionPolicy}
                />
                <PolicyDocumentView label="Trust policy" document={data.trustPolicy} />
              </>
            )}
          </QueryView>
        </SpaceBetween>
      )}
    </ConfirmModal>
  );
}
