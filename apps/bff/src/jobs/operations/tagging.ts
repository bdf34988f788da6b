import { fromSdkTags, toSdkTags } from '../sdk-tags.js';
import { bffOperation } from './operation-module.js';

export const tagging = bffOperation('tagging', {
  toSdk: (op) => ({ TagSet: toSdkTags(op.tags) }),
  fromSdk: (p) => ({ type: 'tagging', tags: fromSdkTags(p.TagSet) }),
});
