import type { CreateJobResponse, JobWizardModel } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Header from '@cloudscape-design/components/header';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { PageForm } from '../../../components/form/page-form';
import { CreateAnywayModal, useCreateAnyway } from '../../../components/permissions/create-anyway';
import type { PreflightFixes } from '../../../components/permissions/preflight-checks';
import { apiFieldErrors, type FieldErrorMap, formErrorOf } from '../../../lib/field-errors';
import { useReplication } from '../api/get-replication';
import { type BatchJobFormState, batchJobField, batchJobModelOf } from './batch-job-form';
import {
  BatchManifestSection,
  BatchPermissionsSection,
  BatchReportSection,
  BatchRunOptionSection,
  BatchStatusFilterSection,
} from './batch-replication-job-sections';

const SECTION_IDS = {
  manifest: 'batch-manifest',
  report: 'batch-report',
  role: 'batch-permissions',
} as const;

/** A pre-flight fix on this page: its section scrolled into view, its first field focused. */
const goToSection = (id: string) => () => {
  const section = document.getElementById(id);
  section?.scrollIntoView({ block: 'start' });
  section?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
};

const preflightFixes: PreflightFixes = {
  manifest: { text: 'Go to the Batch Operations manifest', onFollow: goToSection(SECTION_IDS.manifest) },
  report: { text: 'Go to the completion report', onFollow: goToSection(SECTION_IDS.report) },
  role: { text: 'Choose or create a role (Permissions)', onFollow: goToSection(SECTION_IDS.role) },
};

/** The Batch Replication job settings: run option, manifest, completion report, filters, permissions. */
export function BatchReplicationJobForm({
  bucket,
  region,
  create,
  initial,
  onCreated,
  onCancel,
}: {
  bucket: string;
  /** The console's Region (the bucket's jobs are made there); undefined: the BFF's. */
  region: string | undefined;
  /** The create-job wizard's own create path (POST /api/jobs). */
  create: UseMutationResult<CreateJobResponse, Error, JobWizardModel>;
  initial: BatchJobFormState;
  onCreated: (jobId: string) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const config = useReplication(bucket);
  const apiErrors = Object.fromEntries(
    Object.entries(apiFieldErrors(create.error)).map(([path, message]) => [batchJobField(path), message]),
  );
  const errors: FieldErrorMap = { ...apiErrors, ...localErrors };
  const createAnyway = useCreateAnyway();
  const built = batchJobModelOf(form, bucket, region);
  const submit = () => {
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    const { model } = built;
    createAnyway.guard(model, () => create.mutate(model, { onSuccess: (out) => onCreated(out.jobId) }));
  };
  const enabledRules = (config.data?.rules ?? []).filter((r) => r.rule.status === 'Enabled');
  return (
    <PageForm
      header={
        <Header
          variant="h1"
          description={`Replicate the existing objects of ${bucket} with S3 Batch Operations, by the bucket's replication rules.`}
        >
          Create Batch Operations job
        </Header>
      }
      errorText={formErrorOf(create.error)}
      submitLabel="Create Batch Operations job"
      submitting={create.isPending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {config.data && (
        <Alert type={enabledRules.length > 0 ? 'info' : 'warning'} header="Replication configuration">
          {enabledRules.length > 0
            ? `The job replicates by the ${enabledRules.length} enabled ${enabledRules.length === 1 ? 'rule' : 'rules'} of ${bucket}: ${enabledRules.map((r) => `${r.rule.id} → s3://${r.rule.destinationBucket}`).join(', ')}.`
            : `${bucket} has no enabled replication rule: the job would replicate nothing.`}
        </Alert>
      )}
      <BatchRunOptionSection form={form} setForm={setForm} />
      <div id={SECTION_IDS.manifest}>
        <BatchManifestSection form={form} setForm={setForm} errors={errors} />
      </div>
      <BatchStatusFilterSection form={form} setForm={setForm} errors={errors} />
      <div id={SECTION_IDS.report}>
        <BatchReportSection form={form} setForm={setForm} errors={errors} />
      </div>
      <div id={SECTION_IDS.role}>
        <BatchPermissionsSection
          bucket={bucket}
          form={form}
          setForm={setForm}
          errors={errors}
          model={built.ok ? built.model : null}
          preflightFixes={preflightFixes}
        />
      </div>
      <CreateAnywayModal gate={createAnyway} />
    </PageForm>
  );
}
