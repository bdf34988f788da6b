import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import { bindField } from '../../../components/form/bind-field';
import { DateField } from '../../../components/form/date-field';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { dayToIso, isoToDay } from '../components/create-job-wizard/form-values';
import type { OperationOf } from './operation-module';
import { type DetailItem, type OperationFormProps, webOperation } from './operation-module';

interface RetentionFields {
  retentionAction: 'set' | 'remove';
  retentionMode: 'GOVERNANCE' | 'COMPLIANCE' | '';
  /** YYYY-MM-DD; the retention lasts until 00:00 UTC of that day. */
  retentionDate: string;
  bypassGovernance: boolean;
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    retention: RetentionFields;
  }
}

function RetentionParameters(props: OperationFormProps) {
  const { form, update, errors } = props;
  return (
    <Section title="Object Lock retention" description="The bucket must have S3 Object Lock enabled.">
      <RadioField
        {...bindField(props, 'retentionAction')}
        label="Retention"
        items={[
          { value: 'set', label: 'Enable', description: 'Set a retention mode and a retain-until date.' },
          {
            value: 'remove',
            label: 'Disable',
            description: 'Remove the retention (governance mode only, with bypass).',
          },
        ]}
      />
      {form.retentionAction === 'set' && (
        <>
          <RadioField
            label="Retention mode"
            errorText={errors.retentionMode}
            value={form.retentionMode || null}
            onChange={(retentionMode) => update({ retentionMode })}
            items={[
              {
                value: 'GOVERNANCE',
                label: 'Governance mode',
                description: 'Users with s3:BypassGovernanceRetention can change or remove it.',
              },
              {
                value: 'COMPLIANCE',
                label: 'Compliance mode',
                description: 'No one can shorten or remove it until the date passes.',
              },
            ]}
          />
          <DateField
            {...bindField(props, 'retentionDate')}
            label="Retain until date"
            description="The retention ends at 00:00 UTC of this day; it must be in the future."
            choose="the retain-until date"
            isDateEnabled={(d) => d.getTime() > Date.now()}
          />
        </>
      )}
      <FormField
        label="Bypass governance mode"
        description={
          form.retentionAction === 'remove'
            ? 'Needed to remove a governance-mode retention.'
            : 'Needed to shorten a governance-mode retention.'
        }
      >
        <Checkbox
          checked={form.bypassGovernance}
          onChange={({ detail }) => update({ bypassGovernance: detail.checked })}
        >
          Bypass governance retention
        </Checkbox>
      </FormField>
    </Section>
  );
}

const items = (op: OperationOf<'retention'>, removed: string): DetailItem[] => [
  ...(op.action === 'set'
    ? [
        { label: 'Retention mode', value: op.mode ?? '-' },
        { label: 'Retain until', value: op.retainUntilDate ?? '-' },
      ]
    : [{ label: 'Retention', value: removed }]),
  { label: 'Bypass governance retention', value: op.bypassGovernanceRetention ? 'Yes' : 'No' },
];

export const retention = webOperation({
  type: 'retention',
  description: 'Set or remove the retention mode and retain-until date of each object version.',
  Parameters: RetentionParameters,
  defaults: { retentionAction: 'set', retentionMode: '', retentionDate: '', bypassGovernance: false },
  toModel: (form) => {
    const date = dayToIso(form.retentionDate);
    return {
      type: 'retention',
      action: form.retentionAction,
      ...(form.retentionAction === 'set' && form.retentionMode ? { mode: form.retentionMode } : {}),
      ...(form.retentionAction === 'set' && date ? { retainUntilDate: date } : {}),
      bypassGovernanceRetention: form.bypassGovernance,
    };
  },
  fromModel: (op) => ({
    retentionAction: op.action,
    retentionMode: op.mode ?? '',
    retentionDate: isoToDay(op.retainUntilDate),
    bypassGovernance: op.bypassGovernanceRetention,
  }),
  errorFields: { mode: 'retentionMode', retainUntilDate: 'retentionDate' },
  // As the S3 console: a retention can only be set to end in the future.
  formIssues: (form, nowMs) => {
    if (form.retentionAction !== 'set') return [];
    const until = Date.parse(dayToIso(form.retentionDate) ?? '');
    return !Number.isNaN(until) && until <= nowMs
      ? [{ field: 'operation.retainUntilDate', message: 'must be a date in the future' }]
      : [];
  },
  reviewItems: (op) => items(op, 'Remove the retention'),
  detailItems: (op) => items(op, 'Removed'),
});
