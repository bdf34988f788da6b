import { bffOperation } from './operation-module.js';

export const restore = bffOperation('restore', {
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
