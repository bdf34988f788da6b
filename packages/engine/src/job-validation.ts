import { createHash } from 'node:crypto';
import type { S3Tag } from '@aws-sdk/client-s3-control';
import { type CreateJobInput, JobError } from './job-types.js';
import { resolveOperation } from './operations/operation-registry.js';

// CreateJob (and tagging) requests checked before a job exists: what the wire layer's model
// limits cannot say. Each refusal is a BadRequestException naming the field.

/** The CreateJob request without Tags and ClientRequestToken, as a job stores it. */
export type JobRequest = Omit<CreateJobInput, 'Tags' | 'ClientRequestToken'>;

export function validateCreateJob(request: JobRequest, tags: readonly S3Tag[]): void {
  if (request.Description !== undefined) checkText(request.Description, 'Description');
  if (!request.Manifest === !request.ManifestGenerator) {
    throw new JobError(
      'BadRequestException',
      'Give either Manifest or ManifestGenerator, not both and not neither',
    );
  }
  const generator = request.ManifestGenerator?.S3JobManifestGenerator;
  if (request.ManifestGenerator && !generator) {
    throw new JobError('BadRequestException', 'ManifestGenerator.S3JobManifestGenerator: required');
  }
  if (generator?.EnableManifestOutput && !generator.ManifestOutputLocation) {
    throw new JobError(
      'BadRequestException',
      'ManifestGenerator.S3JobManifestGenerator.ManifestOutputLocation: required when EnableManifestOutput is true',
    );
  }
  const spec = request.Manifest?.Spec;
  if (spec?.Format === 'S3BatchOperations_CSV_20180820' && spec.Fields) {
    if (!spec.Fields.includes('Bucket') || !spec.Fields.includes('Key')) {
      throw new JobError('BadRequestException', 'Manifest.Spec.Fields: must name the Bucket and Key columns');
    }
  }
  if (spec?.Format === 'S3InventoryReport_CSV_20161130' && spec.Fields) {
    throw new JobError('BadRequestException', 'Manifest.Spec.Fields: only applies to CSV manifests');
  }
  const report = request.Report;
  if (report?.Enabled) {
    if (!report.Bucket)
      throw new JobError('BadRequestException', 'Report.Bucket: required when the report is enabled');
    if (!report.Format)
      throw new JobError('BadRequestException', 'Report.Format: required when the report is enabled');
    if (!report.ReportScope) {
      throw new JobError('BadRequestException', 'Report.ReportScope: required when the report is enabled');
    }
  }
  const { module, params } = resolveOperation(request.Operation);
  module.check?.(params as never);
  checkTags(tags, 'Tags');
}

/** Job tags: ≤ 50, unique keys (case-sensitive). Lengths and patterns are checked at the wire. */
export function checkTags(tags: readonly S3Tag[], field: string): void {
  if (tags.length > 50)
    throw new JobError('TooManyTagsException', `${field}: a job can have at most 50 tags`);
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key as string))
      throw new JobError('BadRequestException', `${field}: duplicate tag key '${t.Key}'`);
    keys.add(t.Key as string);
  }
}

// C0 controls, DEL, C1 controls, lone surrogates and the XML non-characters U+FFFE/U+FFFF: text that
// ListJobs would have to send back and that XML 1.0 (and so boto3 and the AWS CLI) cannot carry,
// or that a terminal would act on.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Free text the engine stores and lists (Description, StatusUpdateReason): no control characters. */
export function checkText(value: string, field: string): void {
  const m = CONTROL.exec(value) ?? LONE_SURROGATE.exec(value);
  if (m) {
    const code = (m[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    throw new JobError(
      'BadRequestException',
      `${field}: must not contain control characters (U+${code} at position ${m.index + 1})`,
    );
  }
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What makes two CreateJob requests with one ClientRequestToken the same request. */
export const requestHash = (request: JobRequest, tags: readonly S3Tag[]): string =>
  createHash('sha256')
    .update(canonicalJson({ request, Tags: tags }))
    .digest('hex');
