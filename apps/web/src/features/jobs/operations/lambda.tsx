import type { S3Tag } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import { bindField } from '../../../components/form/bind-field';
import { InputField } from '../../../components/form/input-field';
import { KeyValueEditor } from '../../../components/form/key-value-editor';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { SelectField } from '../../../components/form/select-field';
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

const argumentWords = {
  add: 'Add user argument',
  row: 'User argument',
  empty: 'No user arguments.',
  plural: 'arguments',
};

/** Key-value pairs for the function, sent with schema 2.0 only. */
function UserArgumentsField({ form, update, errors }: OperationFormProps) {
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
      <KeyValueEditor
        items={form.lambdaArgs}
        onChange={(lambdaArgs) => update({ lambdaArgs })}
        words={argumentWords}
        limit={10}
        errors={errors}
        errorPrefix="operation.userArguments."
      />
    </FormField>
  );
}

/** The function: one of the Region's, or a typed ARN. */
function FunctionField(props: OperationFormProps) {
  const { form, errors } = props;
  const functions = useFunctions(form.region, form.lambdaSource === 'list');
  const options = (functions.data?.functions ?? []).map((f) => ({
    value: f.arn,
    label: f.name,
    description: f.arn,
    ...(f.runtime ? { tags: [f.runtime] } : {}),
  }));
  if (form.lambdaSource === 'arn')
    return (
      <InputField
        {...bindField(props, 'lambdaFunctionArn')}
        label="Function ARN"
        description="The function's ARN, without a version or alias."
        placeholder="arn:aws:lambda:us-east-1:123456789012:function:name"
      />
    );
  return (
    <SelectField
      {...bindField(props, 'lambdaFunctionArn')}
      label="Function"
      description={`Functions in ${form.region}.`}
      errorText={
        errors.lambdaFunctionArn ??
        (functions.isError ? `Cannot list the functions: ${functions.error.message}` : undefined)
      }
      options={options}
      filteringType="auto"
      placeholder="Choose a function"
      statusType={functions.isPending ? 'loading' : functions.isError ? 'error' : 'finished'}
      loadingText="Loading functions"
      listErrorText="The functions could not be listed; enter the ARN instead."
      empty="No functions in this Region"
      ariaLabel="Lambda function"
    />
  );
}

function LambdaParameters(props: OperationFormProps) {
  const { form, update, errors } = props;
  return (
    <Section title="Invoke AWS Lambda function">
      <RadioField
        label="Lambda function"
        value={form.lambdaSource}
        onChange={(lambdaSource) => update({ lambdaSource, lambdaFunctionArn: '' })}
        items={[
          { value: 'list', label: 'Choose from functions in your account' },
          { value: 'arn', label: 'Enter ARN' },
        ]}
      />
      <FunctionField form={form} update={update} errors={errors} />
      <InputField
        {...bindField(props, 'lambdaVersion')}
        label="Function version or alias"
        optional
        description="Leave empty for the unqualified function ($LATEST)."
        placeholder="$LATEST, 3, or an alias such as live"
      />
      <RadioField
        {...bindField(props, 'lambdaSchema')}
        label="Invocation schema version"
        description="The payload Batch Operations sends to the function."
        items={[
          { value: '1.0', label: 'Version 1.0', description: 'Tasks name the bucket by its ARN.' },
          {
            value: '2.0',
            label: 'Version 2.0',
            description: 'Tasks name the bucket; the job can pass user arguments to the function.',
          },
        ]}
      />
      <UserArgumentsField form={form} update={update} errors={errors} />
    </Section>
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
