import { parameterlessOperation } from './parameterless';

export const deleteTagging = parameterlessOperation('deleteTagging', {
  description: 'Remove every tag of each object.',
  title: 'Delete all object tags',
  does: 'Every tag of each object in the manifest is removed.',
});
