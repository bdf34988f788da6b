import { isEnded } from '@batchops/batch-formats';
import type { JobDetails, JobReport as JobReportData } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Section } from '../../../components/form/section';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { TableEmptyState } from '../../../components/table-empty-state';
import { useFilteredTable } from '../../../components/use-filtered-table';
import { useJobReport } from '../api/get-job-report';
import { DeniedActions } from './denied-actions';
import { reportColumnDefinitions, reportPageSizeOptions, reportRowMatches } from './job-report-table-config';
import { ReportFiles } from './report-files';

/** The report's counts and files, and "Retry failed tasks". */
function ReportSummary(props: {
  job: JobDetails;
  report: JobReportData | undefined;
  onRetryFailed: () => void;
  retrying: boolean;
}) {
  const { job, report: r, onRetryFailed, retrying } = props;
  return (
    <Section
      title="Completion report summary"
      description={
        job.report.scope === 'FailedTasksOnly'
          ? 'The report lists failed tasks only; succeeded tasks are counted but not listed.'
          : 'The report lists every task.'
      }
      actions={
        <Button disabled={!r || r.failed === 0} loading={retrying} onClick={onRetryFailed}>
          Retry failed tasks
        </Button>
      }
    >
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Rows', value: r?.total.toLocaleString() ?? '-' },
          // The job's counts: a failed-tasks-only report has no succeeded rows to count.
          { label: 'Succeeded', value: job.progress.succeeded.toLocaleString() },
          { label: 'Failed', value: job.progress.failed.toLocaleString() },
          {
            label: 'Failures by error code',
            value: r?.errorCodes.length
              ? r.errorCodes.map((e) => `${e.errorCode}: ${e.count}`).join(', ')
              : '-',
          },
          {
            label: 'Report files',
            value: r ? <ReportFiles bucket={r.bucket} files={r.files} /> : '-',
          },
        ]}
      />
    </Section>
  );
}

interface ReportPaging {
  readonly page: number;
  readonly setPage: (page: number) => void;
  readonly pageSize: number;
  readonly setPageSize: (size: number) => void;
}

/** The report's rows, a page at a time (the BFF pages it; the filter looks at the page in view). */
function ReportRowsTable({
  report,
  loading,
  paging,
}: {
  report: JobReportData | undefined;
  loading: boolean;
  paging: ReportPaging;
}) {
  const { page, setPage, pageSize, setPageSize } = paging;
  // The dashboard links a job's rows of one error code here (?reportFilter=NoSuchKey).
  const initialFilter = useSearchParams()[0].get('reportFilter') ?? undefined;
  const { items, collectionProps, filter } = useFilteredTable(report?.rows ?? [], {
    filteringFunction: reportRowMatches,
    ...(initialFilter ? { initialFilter } : {}),
    empty: <TableEmptyState title="No rows" description="The report has no rows." />,
    noMatch: 'No rows on this page match the filter.',
    find: {
      placeholder: 'Find rows on this page by key, status, error code or message',
      ariaLabel: 'Find report rows',
    },
    countSuffix: ' on this page',
  });
  return (
    <Table
      header={
        <Header
          variant="h2"
          counter={report ? `(${report.total})` : undefined}
          description="Failed tasks first."
        >
          Completion report
        </Header>
      }
      {...collectionProps}
      items={items}
      loading={loading}
      loadingText="Reading the report"
      columnDefinitions={reportColumnDefinitions}
      wrapLines={false}
      filter={filter}
      pagination={
        <Pagination
          currentPageIndex={page}
          pagesCount={report ? Math.max(1, Math.ceil(report.total / pageSize)) : 1}
          onChange={({ detail }) => setPage(detail.currentPageIndex)}
        />
      }
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Confirm"
          cancelLabel="Cancel"
          preferences={{ pageSize }}
          pageSizePreference={{ title: 'Page size', options: reportPageSizeOptions }}
          onConfirm={({ detail }) => {
            setPageSize(detail.pageSize ?? 100);
            setPage(1);
          }}
        />
      }
    />
  );
}

/** The completion report in the browser: counts per error code, the files, the rows (failed first). */
export function JobReport({
  job,
  onRetryFailed,
  onCreateRole,
  retrying,
}: {
  job: JobDetails;
  onRetryFailed: () => void;
  /** Create role from template for the retry of the failed tasks. */
  onCreateRole: () => void;
  retrying: boolean;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const available = job.report.enabled && isEnded(job.status);
  const report = useJobReport(job.jobId, page, pageSize, available);
  if (!job.report.enabled)
    return <Section title="Completion report">This job writes no completion report.</Section>;
  if (!available)
    return <Section title="Completion report">The report is shown here once the job ends.</Section>;
  if (report.isError)
    return (
      <Alert type="error" header="Could not read the completion report">
        {report.error.message}
      </Alert>
    );
  const r = report.data;
  return (
    <SpaceBetween size="l">
      <ReportSummary job={job} report={r} onRetryFailed={onRetryFailed} retrying={retrying} />
      {r && r.deniedActions.length > 0 && (
        <DeniedActions
          groups={r.deniedActions}
          actions={
            <Button iconName="add-plus" loading={retrying} onClick={onCreateRole}>
              Create role from template
            </Button>
          }
        />
      )}
      <ReportRowsTable
        report={r}
        loading={report.isPending}
        paging={{ page, setPage, pageSize, setPageSize }}
      />
    </SpaceBetween>
  );
}
