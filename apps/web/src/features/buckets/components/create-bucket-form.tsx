import { NewBucketName } from '@batchops/contracts';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import { useState } from 'react';
import { InputField } from '../../../components/form/input-field';
import { PageForm } from '../../../components/form/page-form';
import { RadioField } from '../../../components/form/radio-field';
import { Section } from '../../../components/form/section';
import { apiFieldErrors } from '../../../lib/field-errors';
import { useCreateBucket } from '../api/create-bucket';

/** Create bucket: its name and Bucket Versioning (the two settings replication cares about). */
export function CreateBucketForm({
  region,
  onCreated,
  onCancel,
}: {
  region: string;
  onCreated: (bucket: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [versioning, setVersioning] = useState<'enable' | 'disable'>('disable');
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateBucket();
  const local = NewBucketName.safeParse(name);
  const nameError =
    apiFieldErrors(create.error).name ??
    (submitted && !local.success ? local.error.issues[0]?.message : undefined);
  const submit = () => {
    setSubmitted(true);
    if (!local.success) return;
    create.mutate({ name, versioning: versioning === 'enable' }, { onSuccess: (b) => onCreated(b.name) });
  };
  return (
    <PageForm
      header={<Header variant="h1">Create bucket</Header>}
      errorText={create.isError && !nameError ? create.error.message : undefined}
      submitLabel="Create bucket"
      submitting={create.isPending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Section title="General configuration" size="m">
        <FormField label="AWS Region">{region}</FormField>
        <InputField
          label="Bucket name"
          description="Bucket names must be unique and must not contain spaces or uppercase letters."
          errorText={nameError}
          placeholder="myawsbucket"
          value={name}
          onChange={setName}
        />
      </Section>
      <Section
        title="Bucket Versioning"
        description="Versioning keeps every version of an object; replication needs it on the source and the destination."
      >
        <RadioField
          label="Bucket Versioning"
          value={versioning}
          onChange={setVersioning}
          items={[
            { value: 'disable', label: 'Disable' },
            { value: 'enable', label: 'Enable' },
          ]}
        />
      </Section>
    </PageForm>
  );
}
