import { Section } from '../../../components/form/section';
import { webOperation } from './operation-module';

function DeleteTaggingParameters() {
  return (
    <Section title="Delete all object tags">
      Every tag of each object in the manifest is removed. There is nothing else to set.
    </Section>
  );
}

export const deleteTagging = webOperation({
  type: 'deleteTagging',
  description: 'Remove every tag of each object.',
  Parameters: DeleteTaggingParameters,
  toModel: () => ({ type: 'deleteTagging' }),
  defaults: {},
  fromModel: () => ({}),
  reviewItems: () => [],
  detailItems: () => [],
});
