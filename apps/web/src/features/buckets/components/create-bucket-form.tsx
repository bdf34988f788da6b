import { NewBucketName } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
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
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Form
        header={<Header variant="h1">Create bucket</Header>}
        errorText={create.isError && !nameError ? create.error.message : undefined}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={create.isPending}>
              Create bucket
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">General configuration</Header>}>
            <SpaceBetween size="m">
              <FormField label="AWS Region">{region}</FormField>
              <FormField
                label="Bucket name"
                description="Bucket names must be unique and must not contain spaces or uppercase letters."
                errorText={nameError}
              >
                <Input value={name} onChange={(e) => setName(e.detail.value)} placeholder="myawsbucket" />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header
                variant="h2"
                description="Versioning keeps every version of an object; replication needs it on the source and the destination."
              >
                Bucket Versioning
              </Header>
            }
          >
            <FormField label="Bucket Versioning">
              <RadioGroup
                value={versioning}
                onChange={(e) => setVersioning(e.detail.value as 'enable' | 'disable')}
                items={[
                  { value: 'disable', label: 'Disable' },
                  { value: 'enable', label: 'Enable' },
                ]}
              />
            </FormField>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
