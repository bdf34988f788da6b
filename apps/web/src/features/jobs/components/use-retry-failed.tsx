import type { RetryManifestResponse } from '@batchops/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useNotifications } from '../../../components/notifications';
import { RoleTemplateModal } from '../../../components/permissions/role-template-modal';
import { roleTemplateRequestOf } from '../../../components/permissions/role-template-request';
import { paths } from '../../../config/navigation';
import { useCreateRetryManifest } from '../api/create-retry-manifest';
import type { RetryState } from './create-job-wizard/retry-state';

/**
 * Retry a job's failed tasks in the wizard (the failed rows' manifest written first, nothing created),
 * or first make a role from the template of that retry (it reads the new manifest too) and retry as it.
 */
export function useRetryFailed(jobId: string) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const retry = useCreateRetryManifest();
  const [templateFor, setTemplateFor] = useState<RetryManifestResponse | null>(null);
  const openWizard = (out: RetryManifestResponse, roleArn?: string) => {
    const model = roleArn ? { ...out.model, roleArn } : out.model;
    const state: RetryState = {
      retry: { from: jobId, tasks: out.tasks, manifestKey: out.manifestKey, model },
    };
    void navigate(paths.createJob, { state });
  };
  const writeManifest = (then: (out: RetryManifestResponse) => void) =>
    retry.mutate(jobId, {
      onSuccess: then,
      onError: (e) =>
        notify({ type: 'error', header: 'Could not retry the failed tasks', content: e.message }),
    });
  const templateModal = templateFor && (
    <RoleTemplateModal
      job={roleTemplateRequestOf(templateFor.model)}
      onDismiss={() => setTemplateFor(null)}
      onCreated={(role) => openWizard(templateFor, role.arn)}
    />
  );
  return {
    retrying: retry.isPending,
    retryFailed: () => writeManifest((out) => openWizard(out)),
    createTemplateRole: () => writeManifest(setTemplateFor),
    templateModal,
  };
}
