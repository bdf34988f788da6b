import { bucketArn, bucketOfArn } from '@batchops/batch-formats';
import { fromSdkTags, toSdkTags } from '../sdk-tags.js';
import { bffOperation, type OperationOf } from './operation-module.js';

export const copy = bffOperation('copy', {
  toSdk: (op) => ({
    TargetResource: op.targetBucket.startsWith('arn:') ? op.targetBucket : bucketArn(op.targetBucket),
    ...(op.targetKeyPrefix ? { TargetKeyPrefix: op.targetKeyPrefix } : {}),
    ...(op.storageClass ? { StorageClass: op.storageClass } : {}),
    ...(op.metadataDirective ? { MetadataDirective: op.metadataDirective } : {}),
    ...(op.metadata ? { NewObjectMetadata: { UserMetadata: op.metadata } } : {}),
    ...(op.tags ? { NewObjectTagging: toSdkTags(op.tags) } : {}),
    ...(op.cannedAcl ? { CannedAccessControlList: op.cannedAcl } : {}),
    ...(op.objectLockMode ? { ObjectLockMode: op.objectLockMode } : {}),
    ...(op.objectLockRetainUntilDate
      ? { ObjectLockRetainUntilDate: new Date(op.objectLockRetainUntilDate) }
      : {}),
    ...(op.objectLockLegalHoldStatus ? { ObjectLockLegalHoldStatus: op.objectLockLegalHoldStatus } : {}),
  }),
  fromSdk: (c) => {
    if (!c.TargetResource) return null;
    const metadata = c.NewObjectMetadata?.UserMetadata;
    return {
      type: 'copy',
      targetBucket: bucketOfArn(c.TargetResource),
      ...(c.TargetKeyPrefix ? { targetKeyPrefix: c.TargetKeyPrefix } : {}),
      ...(c.StorageClass ? { storageClass: c.StorageClass as OperationOf<'copy'>['storageClass'] } : {}),
      ...(c.MetadataDirective ? { metadataDirective: c.MetadataDirective } : {}),
      ...(metadata && Object.keys(metadata).length ? { metadata } : {}),
      ...(c.NewObjectTagging?.length ? { tags: fromSdkTags(c.NewObjectTagging) } : {}),
      ...(c.CannedAccessControlList ? { cannedAcl: c.CannedAccessControlList } : {}),
      ...(c.ObjectLockMode ? { objectLockMode: c.ObjectLockMode } : {}),
      ...(c.ObjectLockRetainUntilDate
        ? { objectLockRetainUntilDate: c.ObjectLockRetainUntilDate.toISOString() }
        : {}),
      ...(c.ObjectLockLegalHoldStatus ? { objectLockLegalHoldStatus: c.ObjectLockLegalHoldStatus } : {}),
    };
  },
});
