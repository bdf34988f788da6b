import { bindField } from '../../../components/form/bind-field';
import { InputField } from '../../../components/form/input-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { numberOrNaN } from '../components/create-job-wizard/form-values';
import { type OperationFormProps, webOperation } from './operation-module';

interface RestoreFields {
  /** glacier: Glacier Flexible Retrieval / Deep Archive (a number of days); intelligentTiering: its archive tiers (none). */
  restoreSource: 'glacier' | 'intelligentTiering';
  restoreDays: string;
  restoreTier: 'BULK' | 'STANDARD';
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    restore: RestoreFields;
  }
}

function RestoreParameters(props: OperationFormProps) {
  const { form } = props;
  return (
    <Section title="Restore">
      <RadioField
        {...bindField(props, 'restoreSource')}
        label="Restore source"
        items={[
          {
            value: 'glacier',
            label: 'Glacier Flexible Retrieval or Glacier Deep Archive',
            description: 'A temporary copy is restored for the number of days you choose.',
          },
          {
            value: 'intelligentTiering',
            label: 'Intelligent-Tiering Archive Access tier or Deep Archive Access tier',
            description: 'The object moves back to the Frequent Access tier; no number of days applies.',
          },
        ]}
      />
      {form.restoreSource === 'glacier' && (
        <InputField
          {...bindField(props, 'restoreDays')}
          label="Number of days that the restored copy is available"
          description="At least 1 day."
          numeric
        />
      )}
      <RadioField
        {...bindField(props, 'restoreTier')}
        label="Retrieval tier"
        description="Batch Operations offers Bulk and Standard retrieval (not Expedited)."
        items={[
          { value: 'BULK', label: 'Bulk retrieval', description: 'The lowest-cost tier; takes longer.' },
          { value: 'STANDARD', label: 'Standard retrieval', description: 'Typically within hours.' },
        ]}
      />
    </Section>
  );
}

const tier = (t: 'BULK' | 'STANDARD') => (t === 'BULK' ? 'Bulk' : 'Standard');

export const restore = webOperation({
  type: 'restore',
  description: 'Restore archived objects (S3 Glacier, Intelligent-Tiering archive tiers) for a time.',
  Parameters: RestoreParameters,
  defaults: { restoreSource: 'glacier', restoreDays: '1', restoreTier: 'BULK' },
  toModel: (form) => ({
    type: 'restore',
    ...(form.restoreSource === 'glacier' ? { expirationInDays: numberOrNaN(form.restoreDays) } : {}),
    glacierJobTier: form.restoreTier,
  }),
  fromModel: (op) => ({
    restoreSource: op.expirationInDays === undefined ? 'intelligentTiering' : 'glacier',
    ...(op.expirationInDays === undefined ? {} : { restoreDays: String(op.expirationInDays) }),
    restoreTier: op.glacierJobTier,
  }),
  errorFields: { expirationInDays: 'restoreDays', glacierJobTier: 'restoreTier' },
  reviewItems: (op) => [
    {
      label: 'Restore source',
      value:
        op.expirationInDays === undefined
          ? 'Intelligent-Tiering Archive Access or Deep Archive Access tier'
          : 'Glacier Flexible Retrieval or Glacier Deep Archive',
    },
    ...(op.expirationInDays === undefined
      ? []
      : [{ label: 'Restored copy available for', value: `${op.expirationInDays} day(s)` }]),
    { label: 'Retrieval tier', value: tier(op.glacierJobTier) },
  ],
  detailItems: (op) => [
    {
      label: 'Restored copy available for',
      value:
        op.expirationInDays === undefined
          ? 'No expiration (Intelligent-Tiering archive tiers)'
          : `${op.expirationInDays} day(s)`,
    },
    { label: 'Retrieval tier', value: tier(op.glacierJobTier) },
  ],
});
