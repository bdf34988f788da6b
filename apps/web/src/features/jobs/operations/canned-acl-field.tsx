import { type CannedAcl, cannedAcls } from '@batchops/contracts';
import { SelectField, type SelectItem } from '../../../components/form/select-field';

const aclOptions: SelectItem<CannedAcl>[] = cannedAcls.map((a) => ({ value: a, label: a }));
const withUnset: SelectItem<CannedAcl | ''>[] = [{ value: '', label: 'Do not specify' }, ...aclOptions];

/** The canned ACL of each object; `unset` also offers "Do not specify" (the value ''). */
export function CannedAclField<V extends CannedAcl | ''>(props: {
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly errorText?: string | undefined;
  readonly unset?: boolean;
}) {
  const { value, onChange, errorText, unset } = props;
  return (
    <SelectField
      label="Canned ACL"
      value={value}
      onChange={onChange}
      errorText={errorText}
      // '' is offered only with unset, so the list holds only V's values.
      options={(unset ? withUnset : aclOptions) as SelectItem<V>[]}
    />
  );
}
