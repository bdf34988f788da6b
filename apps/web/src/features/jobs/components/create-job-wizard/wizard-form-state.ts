import type {
  CannedAcl,
  ChecksumAlgorithm,
  JobWizardModel,
  ReplicationStatusFilter,
  ReportScope,
  S3Tag,
  storageClasses,
  WizardManifestFormat,
} from '@batchops/contracts';

export type OperationChoice = JobWizardModel['operation']['type'];
export type StorageClass = (typeof storageClasses)[number];

/** What the wizard's fields hold while the user fills them in (strings as typed). */
export interface WizardForm {
  region: string;
  manifestFormat: WizardManifestFormat;
  manifestUri: string;
  /** "Create manifest using S3 Replication configuration": the source bucket as s3://bucket/. */
  genSourceUri: string;
  /** Creation date filters as the date picker gives them (YYYY-MM-DD, UTC), '' when not set. */
  genCreatedAfter: string;
  genCreatedBefore: string;
  genStatuses: ReplicationStatusFilter[];
  genSaveManifest: boolean;
  /** Where the generated manifest is saved: s3://bucket/prefix. */
  genOutputUri: string;
  manifestVersionId: string;
  /** null: use the ETag read from the object; a string: the user's own. */
  manifestEtag: string | null;
  operation: OperationChoice;
  objectTags: S3Tag[];
  copyDestinationUri: string;
  copyStorageClass: StorageClass | '';
  copyMetadataDirective: 'COPY' | 'REPLACE';
  copyMetadata: S3Tag[];
  copyTags: S3Tag[];
  copyCannedAcl: CannedAcl | '';
  aclCannedAcl: CannedAcl;
  /** glacier: Glacier Flexible Retrieval / Deep Archive (a number of days); intelligentTiering: its archive tiers (none). */
  restoreSource: 'glacier' | 'intelligentTiering';
  restoreDays: string;
  restoreTier: 'BULK' | 'STANDARD';
  /** list: pick one of the Region's functions; arn: type it. */
  lambdaSource: 'list' | 'arn';
  lambdaFunctionArn: string;
  lambdaVersion: string;
  lambdaSchema: '1.0' | '2.0';
  lambdaArgs: S3Tag[];
  legalHoldStatus: 'ON' | 'OFF';
  retentionAction: 'set' | 'remove';
  retentionMode: 'GOVERNANCE' | 'COMPLIANCE' | '';
  /** YYYY-MM-DD; the retention lasts until 00:00 UTC of that day. */
  retentionDate: string;
  bypassGovernance: boolean;
  checksumAlgorithm: ChecksumAlgorithm;
  checksumType: 'FULL_OBJECT' | 'COMPOSITE';
  kmsKeyArn: string;
  bucketKeyEnabled: boolean;
  description: string;
  priority: string;
  reportEnabled: boolean;
  reportScope: ReportScope;
  reportUri: string;
  roleArn: string;
  jobTags: S3Tag[];
  runOption: 'wait' | 'auto';
}

export function emptyWizardForm(region: string, roleArn: string): WizardForm {
  return {
    region,
    manifestFormat: 'csv',
    manifestUri: '',
    manifestVersionId: '',
    manifestEtag: null,
    genSourceUri: '',
    genCreatedAfter: '',
    genCreatedBefore: '',
    genStatuses: [],
    genSaveManifest: false,
    genOutputUri: '',
    operation: 'tagging',
    objectTags: [{ key: '', value: '' }],
    copyDestinationUri: '',
    copyStorageClass: '',
    copyMetadataDirective: 'COPY',
    copyMetadata: [],
    copyTags: [],
    copyCannedAcl: '',
    aclCannedAcl: 'private',
    restoreSource: 'glacier',
    restoreDays: '1',
    restoreTier: 'BULK',
    lambdaSource: 'list',
    lambdaFunctionArn: '',
    lambdaVersion: '',
    lambdaSchema: '1.0',
    lambdaArgs: [],
    legalHoldStatus: 'ON',
    retentionAction: 'set',
    retentionMode: '',
    retentionDate: '',
    bypassGovernance: false,
    checksumAlgorithm: 'CRC64NVME',
    checksumType: 'FULL_OBJECT',
    kmsKeyArn: '',
    bucketKeyEnabled: true,
    description: '',
    priority: '10',
    reportEnabled: true,
    reportScope: 'FailedTasksOnly',
    reportUri: '',
    roleArn,
    jobTags: [],
    runOption: 'wait',
  };
}

/** A problem with the model at a path of the model (`manifest.bucket`, `operation.tags.0.key`…). */
export interface ModelIssue {
  readonly field: string;
  readonly message: string;
}
