import type { JobWizardModel } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { checksumTypeFor } from '../../operations/checksum';
import { emptyWizardForm } from './empty-wizard-form';
import {
  fieldOf,
  fromWizardModel,
  parseWizardForm,
  stepOf,
  toWizardInput,
  wizardErrors,
} from './wizard-form';
import type { WizardForm } from './wizard-form-state';

const role = 'arn:aws:iam::123456789012:role/batch-operations';
const token = 'token-1';
const lastStep = 3;

/** A tagging job that passes, to change one field at a time. */
const valid = (patch: Partial<WizardForm> = {}): WizardForm => ({
  ...emptyWizardForm('us-east-1', role),
  manifestUri: 's3://demo-manifests/manifests/photos.csv',
  operation: 'tagging',
  objectTags: [{ key: 'reviewed', value: 'yes' }],
  reportUri: 's3://demo-reports/batch/',
  ...patch,
});

const modelOf = (form: WizardForm, readEtag: string | null = null): JobWizardModel => {
  const parsed = parseWizardForm(form, token, readEtag);
  if (!parsed.success) throw new Error(`not valid: ${JSON.stringify(parsed.issues)}`);
  return parsed.model;
};

/** What the wizard would show: the message per field and the step it would go back to. */
const errorsOf = (form: WizardForm) => {
  const parsed = parseWizardForm(form, token, null);
  return wizardErrors(parsed.success ? [] : parsed.issues, lastStep);
};

describe('emptyWizardForm', () => {
  it("starts as the S3 console does, but with no operation chosen: priority 10, a failed-tasks report, wait to run, the role it's given", () => {
    const form = emptyWizardForm('eu-west-1', role);
    expect(form).toMatchObject({
      region: 'eu-west-1',
      manifestFormat: 'csv',
      operation: null,
      objectTags: [{ key: '', value: '' }],
      priority: '10',
      reportEnabled: true,
      reportScope: 'FailedTasksOnly',
      roleArn: role,
      runOption: 'wait',
      manifestEtag: null,
    });
  });

  it('is not valid until an operation is chosen', () => {
    const { errors, step } = errorsOf(valid({ operation: null }));
    expect(errors).toEqual({ operation: 'Choose an operation.' });
    expect(step).toBe(1);
  });

  it('is not valid until the manifest, the object tag and the report bucket are given', () => {
    const { errors, step } = errorsOf({ ...emptyWizardForm('us-east-1', role), operation: 'tagging' });
    expect(Object.keys(errors).sort()).toEqual(['manifestUri', 'operation.tags.0.key', 'reportUri']);
    expect(errors['operation.tags.0.key']).toBe('a tag key is required');
    expect(errors.reportUri).toBe('required when the report is enabled');
    expect(step).toBe(0);
  });
});

describe('toWizardInput and parseWizardForm: the create request', () => {
  it('maps a complete tagging form to the model POST /api/jobs takes', () => {
    expect(modelOf(valid({ description: '  Tag the photos  ', priority: ' 42 ' }), '"etag-1"')).toEqual({
      region: 'us-east-1',
      manifest: {
        format: 'csv',
        bucket: 'demo-manifests',
        key: 'manifests/photos.csv',
        etag: '"etag-1"',
      },
      operation: { type: 'tagging', tags: [{ key: 'reviewed', value: 'yes' }] },
      description: 'Tag the photos',
      priority: 42,
      report: { enabled: true, bucket: 'demo-reports', prefix: 'batch', scope: 'FailedTasksOnly' },
      roleArn: role,
      tags: [],
      runOption: 'wait',
      clientRequestToken: token,
    });
  });

  describe('manifest', () => {
    it('splits the URI into bucket and key, around spaces typed by mistake', () => {
      expect(modelOf(valid({ manifestUri: '  s3://demo-manifests/a/b.csv ' })).manifest).toMatchObject({
        bucket: 'demo-manifests',
        key: 'a/b.csv',
      });
    });

    it.each([
      ['a bucket without a key', 's3://demo-manifests'],
      ['a bucket and a slash', 's3://demo-manifests/'],
      ['no s3:// scheme', 'demo-manifests/a.csv'],
      ['nothing', ''],
    ])('shows "%s" on the manifest field, on the first step', (_what, manifestUri) => {
      const { errors, step } = errorsOf(valid({ manifestUri }));
      expect(errors.manifestUri).toBe('give the manifest object ARN, or its bucket and key');
      expect(Object.keys(errors)).toEqual(['manifestUri']);
      expect(step).toBe(0);
    });

    it('shows a bucket name S3 would refuse on the manifest field', () => {
      expect(errorsOf(valid({ manifestUri: 's3://Demo_Manifests/a.csv' })).errors.manifestUri).toBe(
        'not a valid bucket name',
      );
    });

    it('uses the ETag read from the object unless the user typed one, and none if they cleared it', () => {
      expect(modelOf(valid(), '"read"').manifest.etag).toBe('"read"');
      expect(modelOf(valid({ manifestEtag: ' "typed" ' }), '"read"').manifest.etag).toBe('"typed"');
      expect(modelOf(valid({ manifestEtag: '' }), '"read"').manifest).not.toHaveProperty('etag');
      expect(modelOf(valid(), null).manifest).not.toHaveProperty('etag');
    });

    it('sends the version ID trimmed, and none when it is blank', () => {
      expect(modelOf(valid({ manifestVersionId: ' v1 ' })).manifest.versionId).toBe('v1');
      expect(modelOf(valid({ manifestVersionId: '   ' })).manifest).not.toHaveProperty('versionId');
    });
  });

  describe('region', () => {
    it('shows a malformed Region on the Region field, on the first step', () => {
      const { errors, step } = errorsOf(valid({ region: 'useast1' }));
      expect(errors).toEqual({ region: 'must be a Region such as us-east-1' });
      expect(step).toBe(0);
    });
  });

  describe('operation', () => {
    it('shows an empty tag key on that row of the tag editor, on the operation step', () => {
      const { errors, step } = errorsOf(
        valid({
          objectTags: [
            { key: 'a', value: '1' },
            { key: '', value: '' },
          ],
        }),
      );
      expect(errors).toEqual({ 'operation.tags.1.key': 'a tag key is required' });
      expect(step).toBe(1);
    });

    it.each([
      [{ objectTags: [{ key: 'owner', value: "O'Brien" }] }, 'operation.tags.0.value', 1],
      [{ jobTags: [{ key: 'a,b', value: 'x' }] }, 'tags.0.key', 2],
    ])('refuses a tag character S3 refuses on that row, on its own step (%j)', (patch, field, step) => {
      expect(errorsOf(valid(patch))).toEqual({
        errors: { [field]: 'only letters, numbers, spaces and _ . : / = + - @' },
        step,
      });
    });

    it('refuses more than 10 object tags, on the tag list as a whole', () => {
      const objectTags = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: '' }));
      expect(errorsOf(valid({ objectTags })).errors).toEqual({
        'operation.tags': 'an object has at most 10 tags',
      });
    });

    it('sends no tags for delete-tagging and the canned ACL for ACL', () => {
      expect(modelOf(valid({ operation: 'deleteTagging' })).operation).toEqual({ type: 'deleteTagging' });
      expect(modelOf(valid({ operation: 'acl', aclCannedAcl: 'bucket-owner-read' })).operation).toEqual({
        type: 'acl',
        cannedAcl: 'bucket-owner-read',
      });
    });

    it('maps a copy: destination bucket and prefix, and only the options that were chosen', () => {
      const copy = valid({ operation: 'copy', copyDestinationUri: 's3://demo-archive/2026/' });
      expect(modelOf(copy).operation).toEqual({
        type: 'copy',
        targetBucket: 'demo-archive',
        targetKeyPrefix: '2026/',
        metadataDirective: 'COPY',
      });
      expect(
        modelOf({
          ...copy,
          copyDestinationUri: 's3://demo-archive',
          copyStorageClass: 'GLACIER_IR',
          copyTags: [{ key: 'copied', value: 'yes' }],
          copyCannedAcl: 'bucket-owner-full-control',
        }).operation,
      ).toEqual({
        type: 'copy',
        targetBucket: 'demo-archive',
        storageClass: 'GLACIER_IR',
        metadataDirective: 'COPY',
        tags: [{ key: 'copied', value: 'yes' }],
        cannedAcl: 'bucket-owner-full-control',
      });
    });

    it('sends the metadata only when the copy replaces it', () => {
      const metadata = [{ key: 'Content-Type', value: 'image/jpeg' }];
      const copy = valid({
        operation: 'copy',
        copyDestinationUri: 's3://demo-archive/',
        copyMetadata: metadata,
      });
      expect(modelOf(copy).operation).not.toHaveProperty('metadata');
      expect(modelOf({ ...copy, copyMetadataDirective: 'REPLACE' }).operation).toMatchObject({
        metadataDirective: 'REPLACE',
        metadata: { 'Content-Type': 'image/jpeg' },
      });
    });

    it('shows a missing copy destination on the destination field, on the operation step', () => {
      const { errors, step } = errorsOf(valid({ operation: 'copy', copyDestinationUri: '' }));
      expect(Object.keys(errors)).toEqual(['copyDestinationUri']);
      expect(step).toBe(1);
    });
  });

  describe('options', () => {
    it.each([
      ['blank', ''],
      ['a fraction', '1.5'],
      ['negative', '-1'],
      ['above the S3 maximum', '2147483648'],
      ['not a number', 'high'],
    ])('refuses a %s priority, on the priority field of the options step', (_what, priority) => {
      const { errors, step } = errorsOf(valid({ priority }));
      expect(Object.keys(errors)).toEqual(['priority']);
      expect(step).toBe(2);
    });

    it('takes the priority bounds S3 takes', () => {
      expect(modelOf(valid({ priority: '0' })).priority).toBe(0);
      expect(modelOf(valid({ priority: '2147483647' })).priority).toBe(2147483647);
    });

    it('leaves a blank description out and refuses one over 256 characters', () => {
      expect(modelOf(valid({ description: '   ' }))).not.toHaveProperty('description');
      expect(errorsOf(valid({ description: 'x'.repeat(257) })).errors).toEqual({
        description: 'at most 256 characters',
      });
    });

    it('sends a disabled report without a bucket, whatever the report field holds', () => {
      expect(modelOf(valid({ reportEnabled: false, reportUri: '' })).report).toEqual({
        enabled: false,
        scope: 'FailedTasksOnly',
      });
    });

    it('sends the report prefix without its trailing slash, and none for a bare bucket', () => {
      expect(modelOf(valid({ reportUri: 's3://demo-reports/a/b/' })).report.prefix).toBe('a/b');
      expect(modelOf(valid({ reportUri: 's3://demo-reports' })).report).not.toHaveProperty('prefix');
      expect(modelOf(valid({ reportScope: 'AllTasks' })).report.scope).toBe('AllTasks');
    });

    it('shows a malformed role ARN on the role field, trimmed first', () => {
      expect(modelOf(valid({ roleArn: ` ${role} ` })).roleArn).toBe(role);
      expect(errorsOf(valid({ roleArn: 'batch-operations' })).errors).toEqual({
        roleArn: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/name',
      });
    });

    it('shows a duplicate job tag key on its row', () => {
      const jobTags = [
        { key: 'team', value: 'a' },
        { key: 'team', value: 'b' },
      ];
      const { errors, step } = errorsOf(valid({ jobTags }));
      expect(errors).toEqual({ 'tags.1.key': 'duplicate tag key team' });
      expect(step).toBe(2);
    });

    it('passes the run option through', () => {
      expect(modelOf(valid({ runOption: 'auto' })).runOption).toBe('auto');
    });
  });

  it('keeps the request token it is given (one job per wizard session, however often Create is pressed)', () => {
    expect(toWizardInput(valid(), 'abc', null).clientRequestToken).toBe('abc');
  });
});

describe('wizardErrors', () => {
  it('keeps the first message of a field and goes back to the earliest step with an error', () => {
    expect(
      wizardErrors(
        [
          { field: 'roleArn', message: 'bad role' },
          { field: 'manifest.bucket', message: 'first' },
          { field: 'manifest.key', message: 'second' },
        ],
        lastStep,
      ),
    ).toEqual({ errors: { roleArn: 'bad role', manifestUri: 'first' }, step: 0 });
  });

  it('stays on the last step when there is nothing to show', () => {
    expect(wizardErrors([], lastStep)).toEqual({ errors: {}, step: lastStep });
  });
});

describe('fieldOf and stepOf: where an answer of the BFF is shown', () => {
  it.each([
    ['manifest.etag', 'manifestEtag', 0],
    ['manifest.versionId', 'manifestVersionId', 0],
    ['manifest.objectArn', 'manifestUri', 0],
    ['region', 'region', 0],
    ['operation.tags.3.value', 'operation.tags.3.value', 1],
    ['operation.tags', 'operation.tags', 1],
    ['operation.targetKeyPrefix', 'copyDestinationUri', 1],
    ['operation.metadata.Content-Type', 'copyMetadata', 1],
    ['operation.cannedAcl', 'cannedAcl', 1],
    ['operation.type', 'operation', 1],
    ['report.prefix', 'reportUri', 2],
    ['priority', 'priority', 2],
    ['clientRequestToken', 'clientRequestToken', 2],
  ])('%s → field %s on step %i', (path, field, step) => {
    expect(fieldOf(path)).toBe(field);
    expect(stepOf(path)).toBe(step);
  });
});

describe('fromWizardModel: a cloned job back into the form', () => {
  const model: JobWizardModel = {
    region: 'eu-west-1',
    manifest: {
      format: 'csv',
      objectArn: 'arn:aws:s3:::demo-manifests/manifests/photos.csv',
      versionId: 'v7',
    },
    operation: {
      type: 'copy',
      targetBucket: 'arn:aws:s3:::demo-archive',
      targetKeyPrefix: '2026/',
      storageClass: 'STANDARD_IA',
      metadataDirective: 'REPLACE',
      metadata: { 'Content-Type': 'image/jpeg' },
      tags: [{ key: 'copied', value: 'yes' }],
    },
    description: 'Archive the photos',
    priority: 7,
    report: { enabled: true, bucket: 'demo-reports', prefix: 'batch', scope: 'AllTasks' },
    roleArn: role,
    tags: [{ key: 'team', value: 'media' }],
    runOption: 'auto',
    clientRequestToken: 'old-token',
  };

  it('fills the fields as the user would type them (URIs, strings)', () => {
    expect(fromWizardModel(model, 'us-east-1')).toMatchObject({
      region: 'eu-west-1',
      manifestUri: 's3://demo-manifests/manifests/photos.csv',
      manifestVersionId: 'v7',
      manifestEtag: null,
      operation: 'copy',
      copyDestinationUri: 's3://demo-archive/2026/',
      copyStorageClass: 'STANDARD_IA',
      copyMetadataDirective: 'REPLACE',
      copyMetadata: [{ key: 'Content-Type', value: 'image/jpeg' }],
      copyTags: [{ key: 'copied', value: 'yes' }],
      copyCannedAcl: '',
      priority: '7',
      reportUri: 's3://demo-reports/batch',
      reportScope: 'AllTasks',
      jobTags: [{ key: 'team', value: 'media' }],
      runOption: 'auto',
    });
  });

  it('makes the same job again when submitted unchanged (with a new request token)', () => {
    expect(modelOf(fromWizardModel(model, 'us-east-1'))).toEqual({
      ...model,
      manifest: { format: 'csv', bucket: 'demo-manifests', key: 'manifests/photos.csv', versionId: 'v7' },
      operation: { ...model.operation, targetBucket: 'demo-archive' },
      clientRequestToken: token,
    });
  });

  it('falls back to the console Region and keeps the tagging defaults for other operations', () => {
    const { region: _r, ...noRegion } = model;
    const form = fromWizardModel({ ...noRegion, operation: { type: 'deleteTagging' } }, 'us-east-1');
    expect(form.region).toBe('us-east-1');
    expect(form.operation).toBe('deleteTagging');
    expect(form.objectTags).toEqual([{ key: '', value: '' }]);
    expect(form.copyDestinationUri).toBe('');
  });
});

describe('the operations of issues 9 and 10', () => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:tagger';
  const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const now = Date.parse('2026-12-02T12:00:00Z');
  const parse = (patch: Partial<WizardForm>) => parseWizardForm(valid(patch), token, null, now);
  const errorsAt = (patch: Partial<WizardForm>) => {
    const parsed = parse(patch);
    return wizardErrors(parsed.success ? [] : parsed.issues, lastStep);
  };

  it.each<[string, Partial<WizardForm>, JobWizardModel['operation']]>([
    ['replicate', { operation: 'replicate' }, { type: 'replicate' }],
    [
      'restore from Glacier',
      { operation: 'restore', restoreDays: '7', restoreTier: 'STANDARD' },
      { type: 'restore', expirationInDays: 7, glacierJobTier: 'STANDARD' },
    ],
    [
      'restore from Intelligent-Tiering (no days)',
      { operation: 'restore', restoreSource: 'intelligentTiering', restoreDays: '' },
      { type: 'restore', glacierJobTier: 'BULK' },
    ],
    [
      'Lambda 2.0 with an alias and arguments',
      {
        operation: 'lambda',
        lambdaFunctionArn: fn,
        lambdaVersion: 'live',
        lambdaSchema: '2.0',
        lambdaArgs: [{ key: 'mode', value: 'fast' }],
      },
      {
        type: 'lambda',
        functionArn: fn,
        functionVersion: 'live',
        invocationSchemaVersion: '2.0',
        userArguments: [{ key: 'mode', value: 'fast' }],
      },
    ],
    [
      'legal hold off',
      { operation: 'legalHold', legalHoldStatus: 'OFF' },
      { type: 'legalHold', status: 'OFF' },
    ],
    [
      'retention',
      { operation: 'retention', retentionMode: 'COMPLIANCE', retentionDate: '2027-01-15' },
      {
        type: 'retention',
        action: 'set',
        mode: 'COMPLIANCE',
        retainUntilDate: '2027-01-15T00:00:00.000Z',
        bypassGovernanceRetention: false,
      },
    ],
    [
      'retention removed (the mode and date left are not sent)',
      {
        operation: 'retention',
        retentionAction: 'remove',
        retentionMode: 'GOVERNANCE',
        retentionDate: '2020-01-01',
        bypassGovernance: true,
      },
      { type: 'retention', action: 'remove', bypassGovernanceRetention: true },
    ],
    [
      'checksum',
      { operation: 'checksum', checksumAlgorithm: 'SHA256', checksumType: 'COMPOSITE' },
      { type: 'checksum', algorithm: 'SHA256', checksumType: 'COMPOSITE' },
    ],
    [
      'update encryption',
      { operation: 'updateEncryption', kmsKeyArn: ` ${key} `, bucketKeyEnabled: false },
      { type: 'updateEncryption', kmsKeyArn: key, bucketKeyEnabled: false },
    ],
  ])('%s: the form gives the model, and a clone gives the form back', (_name, patch, operation) => {
    const parsed = parse(patch);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.model.operation).toEqual(operation);
    const again = parseWizardForm(fromWizardModel(parsed.model, 'us-east-1'), token, null, now);
    expect(again.success && again.model).toEqual(parsed.model);
  });

  it('shows each operation problem at its field, on the operation step', () => {
    expect(errorsAt({ operation: 'restore', restoreDays: '0' })).toEqual({
      errors: { restoreDays: 'at least 1 day' },
      step: 1,
    });
    expect(errorsAt({ operation: 'restore', restoreDays: '' }).errors.restoreDays).toBe(
      'enter a whole number of days',
    );
    expect(errorsAt({ operation: 'lambda' }).errors.lambdaFunctionArn).toBe(
      'choose a function or enter its ARN',
    );
    expect(
      errorsAt({
        operation: 'lambda',
        lambdaFunctionArn: fn,
        lambdaArgs: [{ key: 'a', value: 'b' }],
      }).errors,
    ).toEqual({ lambdaArgs: 'user arguments need invocation schema version 2.0' });
    expect(
      errorsAt({
        operation: 'lambda',
        lambdaFunctionArn: fn,
        lambdaSchema: '2.0',
        lambdaArgs: [
          { key: 'a', value: '' },
          { key: 'a', value: 'x' },
        ],
      }).errors,
    ).toEqual({
      'operation.userArguments.0.value': 'a value is required',
      'operation.userArguments.1.key': 'keys must be unique',
    });
    expect(errorsAt({ operation: 'retention' }).errors).toEqual({
      retentionMode: 'choose a mode',
      retentionDate: 'enter the retain-until date',
    });
    expect(
      errorsAt({ operation: 'retention', retentionMode: 'GOVERNANCE', retentionDate: '2026-12-01' }).errors,
    ).toEqual({ retentionDate: 'must be a date in the future' });
    expect(
      errorsAt({ operation: 'checksum', checksumAlgorithm: 'CRC64NVME', checksumType: 'COMPOSITE' }).errors,
    ).toEqual({
      checksumType: 'CRC64NVME supports only FULL_OBJECT checksums',
    });
    expect(errorsAt({ operation: 'updateEncryption', kmsKeyArn: 'alias/mine' }).errors.kmsKeyArn).toMatch(
      /^must be a KMS key ARN/,
    );
  });

  it('keeps a checksum type the algorithm has, else takes the one it has', () => {
    expect(checksumTypeFor('CRC32', 'COMPOSITE')).toBe('COMPOSITE');
    expect(checksumTypeFor('SHA1', 'FULL_OBJECT')).toBe('FULL_OBJECT');
    expect(checksumTypeFor('MD5', 'COMPOSITE')).toBe('FULL_OBJECT');
    expect(checksumTypeFor('CRC64NVME', 'COMPOSITE')).toBe('FULL_OBJECT');
  });

  it('creates the manifest from the replication configuration, and only for Replicate', () => {
    const generated: Partial<WizardForm> = {
      manifestFormat: 'replication',
      manifestUri: '',
      operation: 'replicate',
      genSourceUri: 's3://photos/',
      genCreatedAfter: '2026-01-01',
      genCreatedBefore: '2026-06-30',
      genStatuses: ['NONE', 'FAILED'],
      genSaveManifest: true,
      genOutputUri: 's3://demo-reports/manifests/',
    };
    const parsed = parse(generated);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.model.manifest).toEqual({
      format: 'replication',
      generator: {
        sourceBucket: 'photos',
        createdAfter: '2026-01-01T00:00:00.000Z',
        createdBefore: '2026-06-30T00:00:00.000Z',
        replicationStatuses: ['NONE', 'FAILED'],
        output: { bucket: 'demo-reports', prefix: 'manifests' },
      },
    });
    const back = fromWizardModel(parsed.model, 'us-east-1');
    // The prefix comes back without its slash, as the report's does.
    expect(back).toMatchObject({ ...generated, genOutputUri: 's3://demo-reports/manifests' });
    expect(errorsAt({ ...generated, operation: 'copy', copyDestinationUri: 's3://x-dest/' })).toEqual({
      errors: {
        operation: 'a manifest created from the replication configuration can only be used with Replicate',
      },
      step: 1,
    });
    expect(errorsAt({ ...generated, genSourceUri: '', genOutputUri: '' })).toEqual({
      errors: {
        genSourceUri: 'choose the source bucket',
        genOutputUri: 'choose the bucket to save the manifest to',
      },
      step: 0,
    });
    expect(errorsAt({ ...generated, genCreatedBefore: '2025-01-01' })).toEqual({
      errors: { genCreatedBefore: 'must be later than "Created after"' },
      step: 0,
    });
  });
});
