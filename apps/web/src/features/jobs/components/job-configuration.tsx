import { type JobDetails, operationLabels } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { TableEmptyState } from '../../../components/table-empty-state';
import { useFilteredTable } from '../../../components/use-filtered-table';
import { failureReasonsColumnDefinitions, jobTagsColumnDefinitions } from './job-details-tables-config';
import { manifestDetailItems, operationDetailItems } from './operation-details';
import { describeReport } from './report-location';

export function JobConfiguration({ job }: { job: JobDetails }) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Operation', value: job.operation ? operationLabels[job.operation] : '-' },
            ...operationDetailItems(job),
            ...manifestDetailItems(job),
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
          columnDefinitions={failureReasonsColumnDefinitions}
          // Shown only with reasons to show; no filter for a handful of rows.
          empty={<TableEmptyState title="No failure reasons" />}
        />
      )}
    </SpaceBetween>
  );
}

export function JobTagsContainer({ job, onEdit }: { job: JobDetails; onEdit: () => void }) {
  const { items, collectionProps, filter } = useFilteredTable(job.tags, {
    empty: (
      <TableEmptyState
        title="No tags"
        description="This job has no tags."
        action={<Button onClick={onEdit}>Edit tags</Button>}
      />
    ),
    noMatch: 'No tags match the filter.',
    find: { placeholder: 'Find tags by key or value', ariaLabel: 'Find job tags' },
  });
  return (
    <Table
      {...collectionProps}
      header={
        <Header
          variant="h2"
          counter={`(${job.tags.length})`}
          actions={<Button onClick={onEdit}>Edit tags</Button>}
        >
          Job tags
        </Header>
      }
      items={items}
      columnDefinitions={jobTagsColumnDefinitions}
      filter={filter}
    />
  );
}
