import type { FieldErrorMap } from '../../lib/field-errors';

/** A form as its fields get it: the values, a patch to change some, the messages by field. */
export interface FormBinding<F> {
  readonly form: F;
  readonly update: (patch: Partial<F>) => void;
  readonly errors: FieldErrorMap;
}

/** A field's value, change and message, all by its one name in the form. */
export function bindField<F, K extends keyof F & string>({ form, update, errors }: FormBinding<F>, name: K) {
  return {
    value: form[name],
    onChange: (value: F[K]) => {
      const patch: Partial<F> = {};
      patch[name] = value;
      update(patch);
    },
    errorText: errors[name],
  };
}
