// S3's storage classes, once: the model's StorageClass enum, and the classes a general purpose bucket
// takes on a write (PutObject, CopyObject, a replication rule's destination).

/** The S3 model's StorageClass enum (pinned to the SDK by a test). */
export const S3_STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
  'FSX_OPENZFS',
  'FSX_ONTAP',
  'AWS_BACKUP_WARM',
  'AWS_BACKUP_LOW_COST_WARM',
] as const;

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
] as const satisfies readonly (typeof S3_STORAGE_CLASSES)[number][];
