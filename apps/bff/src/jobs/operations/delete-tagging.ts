import { sdkNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const deleteTagging = bffOperation({
  type: 'deleteTagging',
  sdkName: sdkNameOf.deleteTagging,
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'deleteTagging' }),
});
