import { operationNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const replicate = bffOperation({
  type: 'replicate',
  sdkName: operationNameOf.replicate,
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'replicate' }),
});
