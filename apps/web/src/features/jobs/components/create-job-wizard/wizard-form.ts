import { parseObjectArn } from '@batchops/batch-formats';
import { type JobWizardInput, JobWizardModel } from '@batchops/contracts';
import type { FieldErrorMap } from '../../../../lib/field-errors';
import { operationErrorFields, webOperationOf } from '../../operations/operation-registry';
import { emptyWizardForm } from './empty-wizard-form';
import { dayToIso, isoToDay, nonEmpty, s3Uri, splitUri } from './form-values';
import type { ModelIssue, WizardForm } from './wizard-form-state';

/** The form → the wizard model as POST /api/jobs takes it (before validation). */
export function toWizardInput(
  form: WizardForm,
  clientRequestToken: string,
  readEtag: string | null,
): JobWizardInput {
  const manifest = splitUri(form.manifestUri);
  const etag = form.manifestEtag === null ? readEtag : nonEmpty(form.manifestEtag);
  const report = splitUri(form.reportUri);
  const priority = form.priority.trim() === '' ? Number.NaN : Number(form.priority);
  return {
    region: form.region,
    manifest:
      form.manifestFormat === 'replication'
        ? { format: 'replication', generator: toGenerator(form) }
        : {
            format: form.manifestFormat,
            // An empty string would pass as a name; undefined gets the "required" message.
            bucket: nonEmpty(manifest.bucket) as string,
            key: nonEmpty(manifest.rest) as string,
            ...(nonEmpty(form.manifestVersionId) ? { versionId: form.manifestVersionId.trim() } : {}),
            ...(etag ? { etag } : {}),
          },
    operation: form.operation ? webOperationOf(form.operation).toModel(form) : undefined,
    ...(nonEmpty(form.description) ? { description: form.description.trim() } : {}),
    priority,
    report: form.reportEnabled
      ? {
          enabled: true,
          bucket: nonEmpty(report.bucket) as string,
          ...(nonEmpty(report.rest) ? { prefix: report.rest.replace(/\/$/, '') } : {}),
          scope: form.reportScope,
        }
      : { enabled: false, scope: form.reportScope },
    roleArn: form.roleArn.trim(),
    tags: form.jobTags,
    runOption: form.runOption,
    clientRequestToken,
  } as JobWizardInput;
}

function toGenerator(form: WizardForm) {
  const source = splitUri(form.genSourceUri);
  const out = splitUri(form.genOutputUri);
  const after = dayToIso(form.genCreatedAfter);
  const before = dayToIso(form.genCreatedBefore);
  return {
    sourceBucket: nonEmpty(source.bucket) as string,
    ...(after ? { createdAfter: after } : {}),
    ...(before ? { createdBefore: before } : {}),
    replicationStatuses: form.genStatuses,
    ...(form.genSaveManifest
      ? {
          output: {
            bucket: nonEmpty(out.bucket) as string,
            ...(nonEmpty(out.rest) ? { prefix: out.rest.replace(/\/$/, '') } : {}),
          },
        }
      : {}),
  };
}

/** A cloned job's model → the form. */
export function fromWizardModel(model: JobWizardModel, fallbackRegion: string): WizardForm {
  const base = emptyWizardForm(model.region ?? fallbackRegion, model.roleArn);
  const m = model.manifest;
  const object = m.objectArn ? parseObjectArn(m.objectArn) : undefined;
  const manifestUri =
    m.format === 'replication' ? '' : s3Uri(object?.bucket ?? m.bucket ?? '', object?.key ?? m.key ?? '');
  const op = model.operation;
  const g = m.generator;
  return {
    ...base,
    manifestFormat: m.format,
    manifestUri,
    ...(m.format === 'replication' && g
      ? {
          genSourceUri: s3Uri(g.sourceBucket),
          genCreatedAfter: isoToDay(g.createdAfter),
          genCreatedBefore: isoToDay(g.createdBefore),
          genStatuses: g.replicationStatuses,
          genSaveManifest: g.output !== undefined,
          genOutputUri: g.output ? s3Uri(g.output.bucket, g.output.prefix ?? '') : '',
        }
      : {}),
    manifestVersionId: m.versionId ?? '',
    operation: op.type,
    ...webOperationOf(op.type).fromModel(op),
    description: model.description ?? '',
    priority: String(model.priority),
    reportEnabled: model.report.enabled,
    reportScope: model.report.scope,
    reportUri: model.report.bucket ? s3Uri(model.report.bucket, model.report.prefix ?? '') : '',
    jobTags: model.tags,
    runOption: model.runOption,
  };
}

const generatorFields: Record<string, string> = {
  sourceBucket: 'genSourceUri',
  createdAfter: 'genCreatedAfter',
  createdBefore: 'genCreatedBefore',
  replicationStatuses: 'genStatuses',
  output: 'genOutputUri',
};

/** A field error's path in the model → the wizard field that shows it. */
export function fieldOf(path: string): string {
  if (path.startsWith('manifest.generator'))
    return generatorFields[path.split('.')[2] ?? ''] ?? 'genSourceUri';
  // A row of a list editor shows its own error.
  if (/^operation\.(userArguments|tags)\.\d+\./.test(path)) return path;
  const opField = /^operation\.(\w+)/.exec(path)?.[1];
  if (opField && operationErrorFields[opField]) return operationErrorFields[opField] as string;
  if (path.startsWith('manifest.etag')) return 'manifestEtag';
  if (path.startsWith('manifest.versionId')) return 'manifestVersionId';
  if (path.startsWith('manifest')) return 'manifestUri';
  if (path === 'region') return 'region';
  if (path.startsWith('operation')) return 'operation';
  if (path.startsWith('report')) return 'reportUri';
  return path;
}

/** Which step (0-based) a model path belongs to. */
export function stepOf(path: string): number {
  if (path === 'region' || path.startsWith('manifest')) return 0;
  if (path.startsWith('operation')) return 1;
  return 2;
}

/** The form checked against the model POST /api/jobs takes: the model, or what is wrong with it. */
export function parseWizardForm(
  form: WizardForm,
  clientRequestToken: string,
  readEtag: string | null,
  nowMs = Date.now(),
): { success: true; model: JobWizardModel } | { success: false; issues: ModelIssue[] } {
  const parsed = JobWizardModel.safeParse(toWizardInput(form, clientRequestToken, readEtag));
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  if (form.operation) issues.push(...(webOperationOf(form.operation).formIssues?.(form, nowMs) ?? []));
  // First message wins per field: ours before the schema's "Required".
  else issues.unshift({ field: 'operation', message: 'Choose an operation.' });
  if (parsed.success && issues.length === 0) return { success: true, model: parsed.data };
  return { success: false, issues };
}

/** Model issues → the message each wizard field shows (the first one wins), and the first step with one. */
export function wizardErrors(
  issues: readonly ModelIssue[],
  lastStep: number,
): { errors: FieldErrorMap; step: number } {
  const errors: Record<string, string> = {};
  let step = Number.POSITIVE_INFINITY;
  for (const { field, message } of issues) {
    errors[fieldOf(field)] ??= message;
    step = Math.min(step, stepOf(field));
  }
  return { errors, step: Number.isFinite(step) ? step : lastStep };
}
