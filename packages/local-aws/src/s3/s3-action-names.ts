// The S3 actions a bucket policy may name, by the resource they act on (Service Authorization
// Reference, "Actions defined by Amazon S3"): PutBucketPolicy refuses another (`Policy has invalid
// action`) and an action none of a statement's resources fits (`Action does not apply…`).

/** Actions on `arn:aws:s3:::<bucket>/<key>`. */
const OBJECT_ACTIONS = [
  'AbortMultipartUpload',
  'BypassGovernanceRetention',
  'DeleteObject',
  'DeleteObjectTagging',
  'DeleteObjectVersion',
  'DeleteObjectVersionTagging',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'GetObjectVersion',
  'GetObjectVersionAcl',
  'GetObjectVersionAttributes',
  'GetObjectVersionForReplication',
  'GetObjectVersionTagging',
  'GetObjectVersionTorrent',
  'InitiateReplication',
  'ListMultipartUploadParts',
  'ObjectOwnerOverrideToBucketOwner',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectRetention',
  'PutObjectTagging',
  'PutObjectVersionAcl',
  'PutObjectVersionTagging',
  'ReplicateDelete',
  'ReplicateObject',
  'ReplicateTags',
  'RestoreObject',
];

/** Actions on `arn:aws:s3:::<bucket>`. */
const BUCKET_ACTIONS = [
  'CreateBucket',
  'DeleteBucket',
  'DeleteBucketOwnershipControls',
  'DeleteBucketPolicy',
  'DeleteBucketWebsite',
  'GetAccelerateConfiguration',
  'GetAnalyticsConfiguration',
  'GetBucketAcl',
  'GetBucketCORS',
  'GetBucketLocation',
  'GetBucketLogging',
  'GetBucketNotification',
  'GetBucketObjectLockConfiguration',
  'GetBucketOwnershipControls',
  'GetBucketPolicy',
  'GetBucketPolicyStatus',
  'GetBucketPublicAccessBlock',
  'GetBucketRequestPayment',
  'GetBucketTagging',
  'GetBucketVersioning',
  'GetBucketWebsite',
  'GetEncryptionConfiguration',
  'GetIntelligentTieringConfiguration',
  'GetInventoryConfiguration',
  'GetLifecycleConfiguration',
  'GetMetricsConfiguration',
  'GetReplicationConfiguration',
  'ListBucket',
  'ListBucketMultipartUploads',
  'ListBucketVersions',
  'PutAccelerateConfiguration',
  'PutAnalyticsConfiguration',
  'PutBucketAcl',
  'PutBucketCORS',
  'PutBucketLogging',
  'PutBucketNotification',
  'PutBucketObjectLockConfiguration',
  'PutBucketOwnershipControls',
  'PutBucketPolicy',
  'PutBucketPublicAccessBlock',
  'PutBucketRequestPayment',
  'PutBucketTagging',
  'PutBucketVersioning',
  'PutBucketWebsite',
  'PutEncryptionConfiguration',
  'PutIntelligentTieringConfiguration',
  'PutInventoryConfiguration',
  'PutLifecycleConfiguration',
  'PutMetricsConfiguration',
  'PutReplicationConfiguration',
];

/** Actions on neither (the account, jobs, access points…): valid names that no bucket policy can grant. */
const OTHER_ACTIONS = [
  'CreateJob',
  'DescribeJob',
  'GetAccessPoint',
  'GetAccountPublicAccessBlock',
  'ListAccessPoints',
  'ListAllMyBuckets',
  'ListJobs',
  'PutAccountPublicAccessBlock',
  'UpdateJobPriority',
  'UpdateJobStatus',
];

export type ActionResource = 'object' | 'bucket' | 'other';

const BY_NAME = new Map<string, ActionResource>([
  ...OBJECT_ACTIONS.map((a) => [`s3:${a.toLowerCase()}`, 'object'] as const),
  ...BUCKET_ACTIONS.map((a) => [`s3:${a.toLowerCase()}`, 'bucket'] as const),
  ...OTHER_ACTIONS.map((a) => [`s3:${a.toLowerCase()}`, 'other'] as const),
]);

/** The resource an S3 action acts on; undefined: not an S3 action. Names compare without case. */
export const resourceOfAction = (action: string): ActionResource | undefined =>
  BY_NAME.get(action.toLowerCase());

/** Every S3 action name (lowercase), for wildcard patterns (`s3:Get*`). */
export const S3_ACTION_NAMES: readonly string[] = [...BY_NAME.keys()];
