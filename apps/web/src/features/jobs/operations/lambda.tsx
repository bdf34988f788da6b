import type { S3Tag } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFunctions } from '../../../components/functions/api/list-functions';
import { optionalLabel } from '../../../components/optional-label';
import { nonEmpty } from '../components/create-job-wizard/form-values';
import {
  type DetailItem,
  type OperationFormProps,
  type OperationOf,
  tagsText,
  webOperation,
} from './operation-module';

interface LambdaFields {
  /** list: pick one of the Region's functions; arn: type it. */
  lambdaSource: 'list' | 'arn';
  lambdaFunctionArn: string;
  lambdaVersion: string;
  lambdaSchema: '1.0' | '2.0';
  lambdaArgs: S3Tag[];
}

declare module '../components/create-job-wizard/wizard-form-state' {
  interface OperationFields {
    lambda: LambdaFields;
  }
}

/** Key-value pairs for the function, sent with schema 2.0 only. */
function UserArgumentsField({ form, update, errors }: OperationFormProps) {
  const set = (index: number, patch: Partial<{ key: string; value: string }>) =>
    update({ lambdaArgs: form.lambdaArgs.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  if (form.lambdaSchema !== '2.0')
    return form.lambdaArgs.length > 0 ? (
      <Alert type="warning">
        User arguments need invocation schema version 2.0; with 1.0 they are not sent.
      </Alert>
    ) : null;
  return (
    <FormField
      label={optionalLabel('User arguments')}
      description="Key-value pairs passed to the function in job.userArguments (at most 10)."
      errorText={errors.lambdaArgs}
    >
      <AttributeEditor
        items={form.lambdaArgs}
        onAddButtonClick={() => update({ lambdaArgs: [...form.lambdaArgs, { key: '', value: '' }] })}
        onRemoveButtonClick={({ detail }) =>
          update({ lambdaArgs: form.lambdaArgs.filter((_, i) => i !== detail.itemIndex) })
        }
        addButtonText="Add user argument"
        removeButtonText="Remove"
        disableAddButton={form.lambdaArgs.length >= 10}
        additionalInfo={`You can add ${Math.max(0, 10 - form.lambdaArgs.length)} more arguments.`}
        empty="No user arguments."
        definition={[
          {
            label: 'Key',
            errorText: (_a, i) => errors[`operation.userArguments.${i}.key`],
            control: (a, i) => (
              <Input
                value={a.key}
                ariaLabel={`User argument key ${i + 1}`}
                onChange={({ detail }) => set(i, { key: detail.value })}
              />
            ),
          },
          {
            label: 'Value',
            errorText: (_a, i) => errors[`operation.userArguments.${i}.value`],
            control: (a, i) => (
              <Input
                value={a.value}
                ariaLabel={`User argument value ${i + 1}`}
                onChange={({ detail }) => set(i, { value: detail.value })}
              />
            ),
          },
        ]}
      />
    </FormField>
  );
}

function LambdaParameters({ form, update, errors }: OperationFormProps) {
  const functions = useFunctions(form.region, form.lambdaSource === 'list');
  const options = (functions.data?.functions ?? []).map((f) => ({
    value: f.arn,
    label: f.name,
    description: f.arn,
    ...(f.runtime ? { tags: [f.runtime] } : {}),
  }));
  const selected = options.find((o) => o.value === form.lambdaFunctionArn) ?? null;
  return (
    <Container header={<Header variant="h2">Invoke AWS Lambda function</Header>}>
      <SpaceBetween size="l">
        <FormField label="Lambda function">
          <RadioGroup
            value={form.lambdaSource}
            onChange={({ detail }) =>
              update({ lambdaSource: detail.value as LambdaFields['lambdaSource'], lambdaFunctionArn: '' })
            }
            items={[
              { value: 'list', label: 'Choose from functions in your account' },
              { value: 'arn', label: 'Enter ARN' },
            ]}
          />
        </FormField>
        {form.lambdaSource === 'list' ? (
          <FormField
            label="Function"
            description={`Functions in ${form.region}.`}
            errorText={
              errors.lambdaFunctionArn ??
              (functions.isError ? `Cannot list the functions: ${functions.error.message}` : undefined)
            }
          >
            <Select
              selectedOption={selected}
              options={options}
              filteringType="auto"
              placeholder="Choose a function"
              statusType={functions.isPending ? 'loading' : functions.isError ? 'error' : 'finished'}
              loadingText="Loading functions"
              errorText="The functions could not be listed; enter the ARN instead."
              empty="No functions in this Region"
              ariaLabel="Lambda function"
              invalid={Boolean(errors.lambdaFunctionArn)}
              onChange={({ detail }) => update({ lambdaFunctionArn: detail.selectedOption.value ?? '' })}
            />
          </FormField>
        ) : (
          <FormField
            label="Function ARN"
            description="The function's ARN, without a version or alias."
            errorText={errors.lambdaFunctionArn}
          >
            <Input
              value={form.lambdaFunctionArn}
              ariaLabel="Function ARN"
              placeholder="arn:aws:lambda:us-east-1:123456789012:function:name"
              invalid={Boolean(errors.lambdaFunctionArn)}
              onChange={({ detail }) => update({ lambdaFunctionArn: detail.value })}
            />
          </FormField>
        )}
        <FormField
          label={optionalLabel('Function version or alias')}
          description="Leave empty for the unqualified function ($LATEST)."
          errorText={errors.lambdaVersion}
        >
          <Input
            value={form.lambdaVersion}
            ariaLabel="Function version or alias"
            placeholder="$LATEST, 3, or an alias such as live"
            invalid={Boolean(errors.lambdaVersion)}
            onChange={({ detail }) => update({ lambdaVersion: detail.value })}
          />
        </FormField>
        <FormField
          label="Invocation schema version"
          description="The payload Batch Operations sends to the function."
          errorText={errors.lambdaSchema}
        >
          <RadioGroup
            value={form.lambdaSchema}
            onChange={({ detail }) => update({ lambdaSchema: detail.value as LambdaFields['lambdaSchema'] })}
            items={[
              { value: '1.0', label: 'Version 1.0', description: 'Tasks name the bucket by its ARN.' },
              {
                value: '2.0',
                label: 'Version 2.0',
                description: 'Tasks name the bucket; the job can pass user arguments to the function.',
              },
            ]}
          />
        </FormField>
        <UserArgumentsField form={form} update={update} errors={errors} />
      </SpaceBetween>
    </Container>
  );
}

const items = (op: OperationOf<'lambda'>): DetailItem[] => [
  {
    label: 'Lambda function',
    value: op.functionVersion ? `${op.functionArn}:${op.functionVersion}` : op.functionArn,
  },
  { label: 'Invocation schema version', value: op.invocationSchemaVersion },
  { label: 'User arguments', value: tagsText(op.userArguments) },
];

export const lambda = webOperation({
  type: 'lambda',
  label: 'Invoke AWS Lambda function',
  description: 'Run a Lambda function on each object.',
  Parameters: LambdaParameters,
  defaults: {
    lambdaSource: 'list',
    lambdaFunctionArn: '',
    lambdaVersion: '',
    lambdaSchema: '1.0',
    lambdaArgs: [],
  },
  toModel: (form) => ({
    type: 'lambda',
    functionArn: form.lambdaFunctionArn.trim(),
    ...(nonEmpty(form.lambdaVersion) ? { functionVersion: form.lambdaVersion.trim() } : {}),
    invocationSchemaVersion: form.lambdaSchema,
    userArguments: form.lambdaArgs,
  }),
  fromModel: (op) => ({
    lambdaSource: 'arn',
    lambdaFunctionArn: op.functionArn,
    lambdaVersion: op.functionVersion ?? '',
    lambdaSchema: op.invocationSchemaVersion,
    lambdaArgs: op.userArguments,
  }),
  errorFields: {
    functionArn: 'lambdaFunctionArn',
    functionVersion: 'lambdaVersion',
    invocationSchemaVersion: 'lambdaSchema',
    userArguments: 'lambdaArgs',
  },
  reviewItems: items,
  // As DescribeJob names it too: the version or alias is part of the ARN.
  detailItems: items,
});
