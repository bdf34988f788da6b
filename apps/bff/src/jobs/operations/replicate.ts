import { bffOperation } from './operation-module.js';

export const replicate = bffOperation('replicate', {
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'replicate' }),
});
