import {
  BatchReplicationJobRequest,
  JobWizardModel,
  type ReplicationStatusFilter,
} from '@batchops/contracts';
import { type FieldErrorMap, zodFieldErrors } from '../../../lib/field-errors';

/** Where the user came from: a new configuration, a new destination, or the rules table. */
export type BatchJobSource = 'new' | 'destination' | 'existing';

export interface BatchJobFormState {
  readonly runOption: 'auto' | 'wait';
  readonly saveManifest: boolean;
  readonly manifestBucket: string;
  readonly manifestPrefix: string;
  readonly reportEnabled: boolean;
  readonly reportScope: 'FailedTasksOnly' | 'AllTasks';
  readonly reportBucket: string;
  readonly reportPrefix: string;
  readonly replicationStatuses: readonly ReplicationStatusFilter[];
  readonly roleArn: string;
  readonly description: string;
  /** One token per form: a retried create makes one job. */
  readonly clientRequestToken: string;
}

/**
 * The job the console offers: runs when ready, a failed-tasks report. Objects never replicated or
 * failed; a new destination also takes those already replicated elsewhere (COMPLETED).
 */
export function emptyBatchJobForm(source: BatchJobSource, bucket: string, token: string): BatchJobFormState {
  return {
    runOption: 'auto',
    saveManifest: false,
    manifestBucket: '',
    manifestPrefix: '',
    reportEnabled: true,
    reportScope: 'FailedTasksOnly',
    reportBucket: '',
    reportPrefix: `batch-replication/${bucket}`,
    replicationStatuses: source === 'destination' ? ['NONE', 'FAILED', 'COMPLETED'] : ['NONE', 'FAILED'],
    roleArn: '',
    description: '',
    clientRequestToken: token,
  };
}

/** "Job runs automatically" cannot save the manifest (as in the AWS console): choosing it turns saving off. */
export function withRunOption(form: BatchJobFormState, runOption: 'auto' | 'wait'): BatchJobFormState {
  return { ...form, runOption, saveManifest: runOption === 'auto' ? false : form.saveManifest };
}

export type BatchJobFormResult =
  | { readonly ok: true; readonly request: BatchReplicationJobRequest }
  | { readonly ok: false; readonly errors: FieldErrorMap };

export function toBatchJobRequest(form: BatchJobFormState): BatchJobFormResult {
  const parsed = BatchReplicationJobRequest.safeParse({
    runOption: form.runOption,
    manifest: {
      save: form.saveManifest,
      ...(form.saveManifest && form.manifestBucket ? { bucket: form.manifestBucket } : {}),
      prefix: form.saveManifest ? form.manifestPrefix : '',
    },
    report: {
      enabled: form.reportEnabled,
      scope: form.reportScope,
      ...(form.reportEnabled && form.reportBucket ? { bucket: form.reportBucket } : {}),
      prefix: form.reportEnabled ? form.reportPrefix : '',
    },
    replicationStatuses: form.replicationStatuses,
    roleArn: form.roleArn.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    clientRequestToken: form.clientRequestToken,
  });
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, errors: zodFieldErrors(parsed.error.issues) };
}

/** The wizard model's paths → the rule flow's fields that show their errors. */
export function batchJobField(path: string): string {
  if (path.startsWith('manifest.generator.output.')) return path.replace('generator.output.', '');
  if (path.startsWith('manifest.generator.replicationStatuses')) return 'replicationStatuses';
  return path;
}

export type BatchJobModelResult =
  | { readonly ok: true; readonly model: JobWizardModel }
  | { readonly ok: false; readonly errors: FieldErrorMap };

/**
 * The rule flow's job as the wizard's model (Replicate over a manifest generated from the bucket's
 * replication configuration), so both create it through the one path, POST /api/jobs.
 */
export function toBatchJobModel(
  req: BatchReplicationJobRequest,
  bucket: string,
  region: string | undefined,
): BatchJobModelResult {
  const parsed = JobWizardModel.safeParse({
    ...(region ? { region } : {}),
    manifest: {
      format: 'replication',
      generator: {
        sourceBucket: bucket,
        replicationStatuses: req.replicationStatuses,
        ...(req.manifest.save
          ? {
              output: {
                bucket: req.manifest.bucket,
                ...(req.manifest.prefix ? { prefix: req.manifest.prefix } : {}),
              },
            }
          : {}),
      },
    },
    operation: { type: 'replicate' },
    description: req.description ?? `Batch Replication for ${bucket}`,
    priority: req.priority,
    report: req.report.enabled
      ? {
          enabled: true,
          bucket: req.report.bucket,
          ...(req.report.prefix ? { prefix: req.report.prefix } : {}),
          scope: req.report.scope,
        }
      : { enabled: false, scope: req.report.scope },
    roleArn: req.roleArn,
    tags: [],
    runOption: req.runOption,
    clientRequestToken: req.clientRequestToken,
  });
  if (parsed.success) return { ok: true, model: parsed.data };
  const errors: Record<string, string> = {};
  for (const i of parsed.error.issues) errors[batchJobField(i.path.map(String).join('.'))] ??= i.message;
  return { ok: false, errors };
}

/** The form as the wizard's model: what the page checks (pre-flight) and creates. */
export function batchJobModelOf(
  form: BatchJobFormState,
  bucket: string,
  region: string | undefined,
): BatchJobModelResult {
  const req = toBatchJobRequest(form);
  return req.ok ? toBatchJobModel(req.request, bucket, region) : req;
}
