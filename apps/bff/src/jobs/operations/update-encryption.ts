import { bffOperation } from './operation-module.js';

export const updateEncryption = bffOperation('updateEncryption', {
  toSdk: (op) => ({
    ObjectEncryption: {
      SSEKMS: { KMSKeyArn: op.kmsKeyArn, ...(op.bucketKeyEnabled ? { BucketKeyEnabled: true } : {}) },
    },
  }),
  fromSdk: (p) => {
    const kms = p.ObjectEncryption?.SSEKMS;
    return kms?.KMSKeyArn
      ? {
          type: 'updateEncryption',
          kmsKeyArn: kms.KMSKeyArn,
          bucketKeyEnabled: kms.BucketKeyEnabled ?? false,
        }
      : null;
  },
});
