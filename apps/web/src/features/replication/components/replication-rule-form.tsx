import type { SaveReplicationRuleResponse } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Header from '@cloudscape-design/components/header';
import { useState } from 'react';
import { PageForm } from '../../../components/form/page-form';
import { ApiRequestError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap, formErrorOf } from '../../../lib/field-errors';
import { useSaveReplicationRule } from '../api/save-replication-rule';
import {
  RuleConfigurationSection,
  RuleDestinationSection,
  RuleOptionsSection,
  RuleRoleSection,
  RuleScopeSection,
  RuleStorageClassSection,
} from './replication-rule-sections';
import { type RuleFormState, toSaveRequest } from './rule-form';

/** The AWS console's replication rule form: create (ruleId null) or edit one rule of the bucket. */
export function ReplicationRuleForm({
  bucket,
  ruleId,
  initial,
  revision,
  otherSettings,
  onSaved,
  onCancel,
}: {
  bucket: string;
  ruleId: string | null;
  initial: RuleFormState;
  revision: string | null;
  otherSettings: readonly string[];
  onSaved: (res: SaveReplicationRuleResponse, form: RuleFormState) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const save = useSaveReplicationRule();
  const set = <K extends keyof RuleFormState>(k: K, v: RuleFormState[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const errors: FieldErrorMap = { ...apiFieldErrors(save.error), ...localErrors };
  const conflict =
    save.error instanceof ApiRequestError &&
    save.error.status === 409 &&
    !errors['rule.id'] &&
    !errors['rule.priority'];
  const submit = () => {
    const res = toSaveRequest(form, revision);
    if (!res.ok) {
      setLocalErrors(res.errors);
      return;
    }
    setLocalErrors({});
    save.mutate({ bucket, ruleId, request: res.request }, { onSuccess: (out) => onSaved(out, form) });
  };
  return (
    <PageForm
      header={
        <Header variant="h1" description={`Source bucket: ${bucket}`}>
          {ruleId === null ? 'Create replication rule' : `Edit replication rule ${ruleId}`}
        </Header>
      }
      // A conflict has its own alert below.
      errorText={conflict ? undefined : formErrorOf(save.error)}
      submitLabel="Save"
      submitting={save.isPending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {conflict && (
        <Alert type="warning" header="The replication configuration changed">
          {save.error?.message}
        </Alert>
      )}
      {otherSettings.length > 0 && (
        <Alert type="info" header="Settings this form does not show are kept">
          {otherSettings.join(', ')}: saved as they are.
        </Alert>
      )}
      <RuleConfigurationSection form={form} set={set} errors={errors} />
      <RuleScopeSection bucket={bucket} form={form} set={set} errors={errors} />
      <RuleDestinationSection bucket={bucket} form={form} set={set} errors={errors} />
      <RuleRoleSection form={form} set={set} errors={errors} />
      <RuleStorageClassSection form={form} set={set} />
      <RuleOptionsSection form={form} set={set} errors={errors} />
    </PageForm>
  );
}
