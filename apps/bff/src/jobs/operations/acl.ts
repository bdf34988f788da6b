import { sdkNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const acl = bffOperation({
  type: 'acl',
  sdkName: sdkNameOf.acl,
  toSdk: (op) => ({ AccessControlPolicy: { CannedAccessControlList: op.cannedAcl } }),
  fromSdk: (p) => {
    const cannedAcl = p.AccessControlPolicy?.CannedAccessControlList;
    return cannedAcl ? { type: 'acl', cannedAcl } : null;
  },
});
