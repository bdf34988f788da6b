import type { JobWizardModel } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Wizard, { type WizardProps } from '@cloudscape-design/components/wizard';
import { useMemo, useState } from 'react';
import { useNotifications } from '../../../../components/notifications';
import { CreateAnywayModal, useCreateAnyway } from '../../../../components/permissions/create-anyway';
import { useObjectHead } from '../../../../components/s3-browser/api/head-object';
import { parseS3Uri } from '../../../../components/s3-browser/s3-uri';
import { apiFieldErrors, type FieldErrorMap } from '../../../../lib/field-errors';
import { newRequestToken } from '../../../../lib/request-token';
import { useDebouncedValue } from '../../../../lib/use-debounced-value';
import { useCreateJob } from '../../api/create-job';
import { wizardSteps } from './create-job-wizard-config';
import { ReviewStep } from './review-step';
import { parseWizardForm, stepOf, wizardErrors } from './wizard-form';
import type { ModelIssue, WizardForm } from './wizard-form-state';
import type { WizardStepProps } from './wizard-step-props';

const mapErrors = (issues: readonly ModelIssue[]) => wizardErrors(issues, wizardSteps.length - 1);

/** The manifest object's HEAD (its ETag), read once its URI names one and has stopped changing. */
function useManifestHead(form: WizardForm) {
  const settled = useDebouncedValue(form.manifestUri, 400);
  // While the URI is still being typed nothing is read, so no ETag of an earlier URI shows.
  const uri = settled === form.manifestUri ? settled : '';
  const manifestRef = useMemo(() => {
    const parsed = parseS3Uri(uri);
    return parsed ? { ...parsed, versionId: form.manifestVersionId.trim() || undefined } : null;
  }, [uri, form.manifestVersionId]);
  return useObjectHead(manifestRef);
}

/** The Wizard's steps: the form's steps, then Review over the parsed model. */
function stepsOf(
  props: WizardStepProps,
  model: JobWizardModel | null,
  review: { active: boolean; onEdit: (step: number) => void; submitError: string | null },
): WizardProps.Step[] {
  return wizardSteps.map(({ title, description, Content }, index) => ({
    title,
    ...(description ? { description } : {}),
    ...(index === wizardSteps.length - 1 && review.submitError
      ? { errorText: `Could not create the job: ${review.submitError}` }
      : {}),
    content: Content ? (
      <Content {...props} />
    ) : model && review.active ? (
      <ReviewStep model={model} onEdit={review.onEdit} />
    ) : (
      <Alert type="error">Some settings are not valid; go back and correct them.</Alert>
    ),
  }));
}

interface CreateJobWizardProps {
  readonly initial: WizardForm;
  /** The step the wizard opens at (a retry opens at the options, where the role is). */
  readonly initialStep?: number;
  readonly onCreated: (jobId: string) => void;
  readonly onCancel: () => void;
}

export function CreateJobWizard({ initial, initialStep = 0, onCreated, onCancel }: CreateJobWizardProps) {
  const [form, setForm] = useState(initial);
  const [step, setStep] = useState(initialStep);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  // One token per wizard session: a retried Create makes one job, not two.
  const [clientRequestToken] = useState(newRequestToken);
  const create = useCreateJob();
  const { notify } = useNotifications();
  const createAnyway = useCreateAnyway();

  const manifestHead = useManifestHead(form);
  const readEtag = manifestHead.data?.etag ?? null;

  const parsed = parseWizardForm(form, clientRequestToken, readEtag);
  const issues = parsed.success ? [] : parsed.issues;

  const update = (patch: Partial<WizardForm>) => setForm((f) => ({ ...f, ...patch }));

  const onNavigate: WizardProps['onNavigate'] = ({ detail }) => {
    if (detail.requestedStepIndex <= step) {
      setStep(detail.requestedStepIndex);
      return;
    }
    // Moving on: the steps passed must be valid.
    const blocking = issues.filter((i) => stepOf(i.field) < detail.requestedStepIndex);
    if (blocking.length > 0) {
      const mapped = mapErrors(blocking);
      setErrors(mapped.errors);
      setStep(Math.min(mapped.step, detail.requestedStepIndex));
      return;
    }
    setErrors({});
    setStep(detail.requestedStepIndex);
  };

  const onSubmit = () => {
    if (!parsed.success) {
      const mapped = mapErrors(issues);
      setErrors(mapped.errors);
      setStep(mapped.step);
      return;
    }
    setSubmitError(null);
    const model = parsed.model;
    createAnyway.guard(model, () => createJob(model));
  };

  const createJob = (model: JobWizardModel) => {
    create.mutate(model, {
      onSuccess: ({ jobId }) => {
        notify({
          type: 'success',
          jobId,
          content: `Job ${jobId} created. Review it and choose Run job to start it.`,
        });
        onCreated(jobId);
      },
      onError: (e) => {
        const fieldErrors = Object.entries(apiFieldErrors(e)).map(([field, message]) => ({ field, message }));
        if (fieldErrors.length > 0) {
          const mapped = mapErrors(fieldErrors);
          setErrors(mapped.errors);
          setStep(mapped.step);
        }
        setSubmitError(e.message);
      },
    });
  };

  const steps = stepsOf({ form, update, errors, manifestHead }, parsed.success ? parsed.model : null, {
    active: step === wizardSteps.length - 1,
    onEdit: setStep,
    submitError,
  });

  return (
    <>
      <Wizard
        steps={steps}
        activeStepIndex={step}
        onNavigate={onNavigate}
        onSubmit={onSubmit}
        onCancel={onCancel}
        submitButtonText="Create job"
        isLoadingNextStep={create.isPending}
      />
      <CreateAnywayModal gate={createAnyway} />
    </>
  );
}
