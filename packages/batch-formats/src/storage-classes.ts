// S3's storage classes, once: the classes a general purpose bucket takes on a write (PutObject,
// CopyObject, a replication rule's destination), and the model's whole StorageClass enum.

/** What a write to a general purpose bucket may ask for, replication's destination included. */
export const WRITABLE_STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
] as const;

/** The S3 model's StorageClass enum (pinned to the SDK by a test): the writable ones and the rest. */
export const S3_STORAGE_CLASSES = [
  ...WRITABLE_STORAGE_CLASSES,
  'OUTPOSTS',
  'SNOW',
  'EXPRESS_ONEZONE',
  'FSX_OPENZFS',
  'FSX_ONTAP',
  'AWS_BACKUP_WARM',
  'AWS_BACKUP_LOW_COST_WARM',
] as const;

/** Classes whose objects must be restored (RestoreObject) before GetObject reads them. */
export const ARCHIVE_STORAGE_CLASSES: ReadonlySet<string> = new Set(['GLACIER', 'DEEP_ARCHIVE']);
