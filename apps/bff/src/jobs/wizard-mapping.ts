import { randomUUID } from 'node:crypto';
import type {
  CreateJobRequest,
  JobDescriptor,
  JobManifestFieldName,
  JobManifestGenerator,
  JobOperation,
} from '@aws-sdk/client-s3-control';
import { bucketArn, bucketOfArn, objectArn, parseObjectArn } from '@batchops/batch-formats';
import type {
  JobWizardModel,
  S3Tag,
  WizardManifest,
  WizardManifestGenerator,
  WizardOperation,
} from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';
import { fromSdkOperation, sdkOperationName, toSdkOperation } from './operations/operation-registry.js';
import { toSdkTags } from './sdk-tags.js';

const CSV_FORMAT = 'S3BatchOperations_CSV_20180820';
export const INVENTORY_FORMAT = 'S3InventoryReport_CSV_20161130';
/** The only format of a generated manifest (S3ManifestOutputLocation.ManifestFormat). */
export const GENERATED_MANIFEST_FORMAT = 'S3InventoryReport_CSV_20211130';

/** Bucket and key of the wizard's manifest (from the ARN when given). */
export function manifestLocation(m: WizardManifest): { bucket: string; key: string } {
  if (m.objectArn !== undefined) {
    const loc = parseObjectArn(m.objectArn);
    if (loc) return loc;
  }
  if (m.bucket !== undefined && m.key !== undefined) return { bucket: m.bucket, key: m.key };
  throw new HttpError(400, 'ValidationError', 'The manifest location is not valid.', [
    { field: 'manifest.objectArn', message: 'give the manifest object ARN, or its bucket and key' },
  ]);
}

/** "Create manifest using S3 Replication configuration" → S3JobManifestGenerator. */
function toSdkGenerator(g: WizardManifestGenerator, accountId: string): JobManifestGenerator {
  return {
    S3JobManifestGenerator: {
      ExpectedBucketOwner: accountId,
      SourceBucket: bucketArn(g.sourceBucket),
      EnableManifestOutput: g.output !== undefined,
      ...(g.output
        ? {
            ManifestOutputLocation: {
              ExpectedManifestBucketOwner: accountId,
              Bucket: bucketArn(g.output.bucket),
              ...(g.output.prefix ? { ManifestPrefix: g.output.prefix } : {}),
              ManifestFormat: GENERATED_MANIFEST_FORMAT,
              ManifestEncryption: { SSES3: {} },
            },
          }
        : {}),
      Filter: {
        EligibleForReplication: true,
        ...(g.createdAfter ? { CreatedAfter: new Date(g.createdAfter) } : {}),
        ...(g.createdBefore ? { CreatedBefore: new Date(g.createdBefore) } : {}),
        ...(g.replicationStatuses.length ? { ObjectReplicationStatuses: [...g.replicationStatuses] } : {}),
      },
    },
  };
}

function toSdkManifest(
  m: WizardManifest,
  read: { etag: string; fields: JobManifestFieldName[] | undefined } | null,
): NonNullable<CreateJobRequest['Manifest']> {
  const { bucket, key } = manifestLocation(m);
  const csv = m.format === 'csv';
  return {
    Spec: {
      Format: csv ? CSV_FORMAT : INVENTORY_FORMAT,
      ...(csv && read?.fields ? { Fields: read.fields } : {}),
    },
    Location: {
      ObjectArn: objectArn(bucket, key),
      ETag: read?.etag ?? m.etag ?? '',
      ...(m.versionId ? { ObjectVersionId: m.versionId } : {}),
    },
  };
}

/**
 * The wizard's model → a CreateJob request. `etag` is the manifest's (given or read with
 * HeadObject); `fields` the CSV columns (S3 requires them for CSV manifests); null for a generated manifest.
 */
export function toCreateJobRequest(
  model: JobWizardModel,
  accountId: string,
  manifest: { etag: string; fields: JobManifestFieldName[] | undefined } | null,
): CreateJobRequest {
  const generator = model.manifest.format === 'replication' ? model.manifest.generator : undefined;
  return {
    AccountId: accountId,
    ConfirmationRequired: model.runOption === 'wait',
    Operation: toSdkOperation(model.operation),
    Report: model.report.enabled
      ? {
          Enabled: true,
          Bucket: bucketArn(model.report.bucket ?? ''),
          Format: 'Report_CSV_20180820',
          ReportScope: model.report.scope,
          ...(model.report.prefix ? { Prefix: model.report.prefix } : {}),
        }
      : { Enabled: false },
    ClientRequestToken: model.clientRequestToken,
    ...(generator
      ? { ManifestGenerator: toSdkGenerator(generator, accountId) }
      : { Manifest: toSdkManifest(model.manifest, manifest) }),
    ...(model.description ? { Description: model.description } : {}),
    Priority: model.priority,
    RoleArn: model.roleArn,
    ...(model.tags.length ? { Tags: toSdkTags(model.tags) } : {}),
  };
}

function fromSdkGenerator(g: JobManifestGenerator | undefined): WizardManifest | undefined {
  const s = g?.S3JobManifestGenerator;
  if (!s?.SourceBucket) return undefined;
  const f = s.Filter;
  const out = s.EnableManifestOutput ? s.ManifestOutputLocation : undefined;
  return {
    format: 'replication',
    generator: {
      sourceBucket: bucketOfArn(s.SourceBucket),
      ...(f?.CreatedAfter ? { createdAfter: f.CreatedAfter.toISOString() } : {}),
      ...(f?.CreatedBefore ? { createdBefore: f.CreatedBefore.toISOString() } : {}),
      replicationStatuses: [...(f?.ObjectReplicationStatuses ?? [])],
      ...(out?.Bucket
        ? {
            output: {
              bucket: bucketOfArn(out.Bucket),
              ...(out.ManifestPrefix ? { prefix: out.ManifestPrefix } : {}),
            },
          }
        : {}),
    },
  };
}

/** The job's operation as the wizard's model, or 422 when the wizard does not offer it. */
function wizardOperationOf(op: JobOperation | undefined): WizardOperation {
  const model = fromSdkOperation(op);
  if (model) return model;
  throw new HttpError(
    422,
    'UnsupportedOperation',
    `The console's wizard does not offer the operation ${sdkOperationName(op) ?? '(none)'} of this job.`,
  );
}

/** A job's settings as a wizard model (clone, retry), with a new ClientRequestToken. */
export function toWizardModel(job: JobDescriptor, tags: readonly S3Tag[], region: string): JobWizardModel {
  const location = job.Manifest?.Location;
  const loc = location?.ObjectArn ? parseObjectArn(location.ObjectArn) : undefined;
  const generated = loc ? undefined : fromSdkGenerator(job.ManifestGenerator);
  if (!loc && !generated) {
    throw new HttpError(422, 'UnsupportedManifest', 'The job has no manifest object the wizard can use.');
  }
  const report = job.Report;
  return {
    region,
    manifest:
      generated ??
      ({
        format: job.Manifest?.Spec?.Format === INVENTORY_FORMAT ? 'inventory' : 'csv',
        bucket: loc?.bucket,
        key: loc?.key,
        ...(location?.ObjectVersionId ? { versionId: location.ObjectVersionId } : {}),
        ...(location?.ETag ? { etag: location.ETag } : {}),
      } as WizardManifest),
    operation: wizardOperationOf(job.Operation),
    ...(job.Description ? { description: job.Description } : {}),
    priority: job.Priority ?? 10,
    report:
      report?.Enabled && report.Bucket
        ? {
            enabled: true,
            bucket: bucketOfArn(report.Bucket),
            ...(report.Prefix ? { prefix: report.Prefix } : {}),
            scope: report.ReportScope ?? 'AllTasks',
          }
        : { enabled: false, scope: 'AllTasks' },
    roleArn: job.RoleArn ?? '',
    tags: [...tags],
    runOption: job.ConfirmationRequired === false ? 'auto' : 'wait',
    clientRequestToken: randomUUID(),
  };
}
