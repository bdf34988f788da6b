import { sdkNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const restore = bffOperation({
  type: 'restore',
  sdkName: sdkNameOf.restore,
  toSdk: (op) => ({
    ...(op.expirationInDays !== undefined ? { ExpirationInDays: op.expirationInDays } : {}),
    GlacierJobTier: op.glacierJobTier,
  }),
  fromSdk: (p) => ({
    type: 'restore',
    ...(p.ExpirationInDays !== undefined ? { expirationInDays: p.ExpirationInDays } : {}),
    glacierJobTier: p.GlacierJobTier ?? 'BULK',
  }),
});
