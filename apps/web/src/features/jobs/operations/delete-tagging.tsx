import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { webOperation } from './operation-module';

function DeleteTaggingParameters() {
  return (
    <Container header={<Header variant="h2">Delete all object tags</Header>}>
      Every tag of each object in the manifest is removed. There is nothing else to set.
    </Container>
  );
}

export const deleteTagging = webOperation({
  type: 'deleteTagging',
  label: 'Delete all object tags',
  description: 'Remove every tag of each object.',
  Parameters: DeleteTaggingParameters,
  toModel: () => ({ type: 'deleteTagging' }),
  defaults: {},
  fromModel: () => ({}),
  reviewItems: () => [],
  detailItems: () => [],
});
