import { operationNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const deleteTagging = bffOperation({
  type: 'deleteTagging',
  sdkName: operationNameOf.deleteTagging,
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'deleteTagging' }),
});
