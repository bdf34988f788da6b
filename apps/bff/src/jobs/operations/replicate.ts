import { sdkNameOf } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const replicate = bffOperation({
  type: 'replicate',
  sdkName: sdkNameOf.replicate,
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'replicate' }),
});
