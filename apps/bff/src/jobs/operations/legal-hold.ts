import { bffOperation } from './operation-module.js';

export const legalHold = bffOperation('legalHold', {
  toSdk: (op) => ({ LegalHold: { Status: op.status } }),
  fromSdk: (p) => {
    const status = p.LegalHold?.Status;
    return status ? { type: 'legalHold', status } : null;
  },
});
