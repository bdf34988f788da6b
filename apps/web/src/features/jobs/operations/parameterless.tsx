import { Section } from '../../../components/form/section';
import type { OperationFieldsOf } from '../components/create-job-wizard/wizard-form-state';
import { type DetailItem, type OperationInputOf, type WebOperation, webOperation } from './operation-module';

/** The operations whose model is their type alone. */
type ParameterlessType = 'deleteTagging' | 'replicate';

interface ParameterlessTexts {
  readonly description: string;
  /** The Choose operation step's section: its title and what the operation does to each object. */
  readonly title: string;
  readonly does: string;
  /** The Operation part of the job page. */
  readonly details?: readonly DetailItem[];
}

/** An operation with nothing to set: its step says so, its form adds no fields. */
export function parameterlessOperation<T extends ParameterlessType>(
  type: T,
  { description, title, does, details = [] }: ParameterlessTexts,
): WebOperation<T> {
  function Parameters() {
    return <Section title={title}>{does} There is nothing else to set.</Section>;
  }
  return webOperation<T>({
    type,
    description,
    Parameters,
    // Nothing of its own in the form, and nothing in its model but its type.
    defaults: {} as OperationFieldsOf<T>,
    toModel: () => ({ type }) as OperationInputOf<T>,
    fromModel: () => ({}),
    reviewItems: () => [],
    detailItems: () => [...details],
  });
}
