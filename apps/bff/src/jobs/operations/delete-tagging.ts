import { bffOperation } from './operation-module.js';

export const deleteTagging = bffOperation('deleteTagging', {
  toSdk: () => ({}),
  fromSdk: () => ({ type: 'deleteTagging' }),
});
