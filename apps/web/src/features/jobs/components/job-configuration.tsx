import type { JobDetails } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { operationLabels } from './operation-labels';
import { describeReport } from './report-location';

const isTag = (v: unknown): v is { Key: string; Value?: string } =>
  typeof v === 'object' && v !== null && 'Key' in v;

/** Operation parameters as people read them: tag sets as key=value, other objects as JSON. */
const show = (v: unknown): string => {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v) && v.every(isTag)) return v.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') || '-';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

export function JobConfiguration({ job }: { job: JobDetails }) {
  const m = job.manifest;
  const params = Object.entries(job.operationParameters);
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Operation', value: job.operation ? operationLabels[job.operation] : '-' },
            ...params.map(([k, v]) => ({ label: k, value: show(v) })),
            { label: 'Manifest', value: m ? `s3://${m.bucket}/${m.key}` : '-' },
            {
              label: 'Manifest format',
              value: m ? (m.format === 'csv' ? 'CSV' : 'S3 inventory report') : '-',
            },
            { label: 'Manifest ETag', value: m?.etag ?? '-' },
            { label: 'Manifest version ID', value: m?.versionId ?? '-' },
            {
              label: 'Completion report',
              value: describeReport(job.report),
            },
            { label: 'IAM role ARN', value: job.roleArn ?? '-' },
            { label: 'Job ARN', value: job.jobArn ?? '-' },
          ]}
        />
      </Container>
      {job.failureReasons.length > 0 && (
        <Table
          header={
            <Header variant="h2" counter={`(${job.failureReasons.length})`}>
              Failure reasons
            </Header>
          }
          items={job.failureReasons}
          columnDefinitions={[
            { id: 'code', header: 'Failure code', cell: (f) => f.code },
            { id: 'reason', header: 'Reason', cell: (f) => f.reason },
          ]}
          empty={<Box textAlign="center">No failure reasons</Box>}
        />
      )}
    </SpaceBetween>
  );
}

export function JobTagsContainer({ job, onEdit }: { job: JobDetails; onEdit: () => void }) {
  return (
    <Table
      header={
        <Header
          variant="h2"
          counter={`(${job.tags.length})`}
          actions={<Button onClick={onEdit}>Edit tags</Button>}
        >
          Job tags
        </Header>
      }
      items={job.tags}
      columnDefinitions={[
        { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
        { id: 'value', header: 'Value', cell: (t) => t.value || '-' },
      ]}
      empty={
        <Box textAlign="center" color="inherit">
          <b>No tags</b>
          <Box variant="p" color="inherit">
            This job has no tags.
          </Box>
        </Box>
      }
    />
  );
}
