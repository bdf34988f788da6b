import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { webOperation } from './operation-module';

function ReplicateParameters() {
  return (
    <Container header={<Header variant="h2">Replicate</Header>}>
      Each object is replicated to the destinations of the source bucket's replication configuration (every
      enabled rule that applies to it). There is nothing else to set.
    </Container>
  );
}

export const replicate = webOperation({
  type: 'replicate',
  label: 'Replicate',
  description: "Replicate each object with the source bucket's replication configuration.",
  Parameters: ReplicateParameters,
  toModel: () => ({ type: 'replicate' }),
  defaults: {},
  fromModel: () => ({}),
  reviewItems: () => [],
  detailItems: () => [{ label: 'Replication', value: "The source bucket's replication configuration" }],
});
