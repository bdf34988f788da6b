import { sdkNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const legalHold = bffOperation({
  type: 'legalHold',
  sdkName: sdkNameOf.legalHold,
  toSdk: (op) => ({ LegalHold: { Status: op.status } }),
  fromSdk: (p) => {
    const status = p.LegalHold?.Status;
    return status ? { type: 'legalHold', status } : null;
  },
});
