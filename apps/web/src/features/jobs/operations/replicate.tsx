import { Section } from '../../../components/form/section';
import { webOperation } from './operation-module';

function ReplicateParameters() {
  return (
    <Section title="Replicate">
      Each object is replicated to the destinations of the source bucket's replication configuration (every
      enabled rule that applies to it). There is nothing else to set.
    </Section>
  );
}

export const replicate = webOperation({
  type: 'replicate',
  description: "Replicate each object with the source bucket's replication configuration.",
  Parameters: ReplicateParameters,
  toModel: () => ({ type: 'replicate' }),
  defaults: {},
  fromModel: () => ({}),
  reviewItems: () => [],
  detailItems: () => [{ label: 'Replication', value: "The source bucket's replication configuration" }],
});
