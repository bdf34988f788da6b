import { bffOperation } from './operation-module.js';

export const acl = bffOperation('acl', {
  toSdk: (op) => ({ AccessControlPolicy: { CannedAccessControlList: op.cannedAcl } }),
  fromSdk: (p) => {
    const cannedAcl = p.AccessControlPolicy?.CannedAccessControlList;
    return cannedAcl ? { type: 'acl', cannedAcl } : null;
  },
});
