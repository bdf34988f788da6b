import type { DeniedActionAcrossJobs, ErrorCodeAcrossJobs } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { InAppLink } from '../../../components/in-app-link';
import { paths } from '../../../config/navigation';
import { jobListHref, jobReportHref } from './dashboard-links';
import { DashboardTable, type TableOf } from './dashboard-table';

/** Error codes of the last 7 days' completion reports; each opens the jobs, and each job its report rows. */
export function ErrorCodesTable({ follow, ...props }: TableOf<ErrorCodeAcrossJobs>) {
  return (
    <DashboardTable
      {...props}
      follow={follow}
      title="Top error codes"
      description="Failed tasks by error code, from the completion reports of jobs that ended in the last 7 days."
      trackBy="errorCode"
      empty="No failed tasks"
      columns={[
        {
          id: 'errorCode',
          header: 'Error code',
          isRowHeader: true,
          cell: (e) => (
            <InAppLink href={jobListHref({ errorCode: e.errorCode })} onFollow={follow}>
              {e.errorCode}
            </InAppLink>
          ),
        },
        { id: 'count', header: 'Failed tasks', cell: (e) => e.count.toLocaleString() },
        {
          id: 'jobs',
          header: 'Report rows by job',
          cell: (e) => (
            <SpaceBetween size="xxxs">
              {e.jobs.map((j) => (
                <InAppLink key={j.jobId} href={jobReportHref(j.jobId, e.errorCode)} onFollow={follow}>
                  {`${j.jobId} (${j.count.toLocaleString()})`}
                </InAppLink>
              ))}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}

/** AccessDenied failures by the action the role lacked, across jobs: one line an action. */
export function DeniedActionsList({ items, follow }: Omit<TableOf<DeniedActionAcrossJobs>, 'loading'>) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="AccessDenied failures by the action their message names: add it to the role."
        >
          Access denied, by missing action
        </Header>
      }
    >
      {items.length === 0 ? (
        <Box color="text-body-secondary">No AccessDenied failures in the last 7 days.</Box>
      ) : (
        <ul aria-label="Access denied, by missing action">
          {items.map((d) => (
            <li key={d.action ?? ''}>
              <Box variant="strong">{d.action ?? 'An action the message does not name'}</Box>
              {`: ${d.count.toLocaleString()} failed tasks, e.g. on ${d.exampleResource ?? '-'}, in `}
              {d.jobIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <InAppLink href={paths.job(id)} onFollow={follow}>
                    {id}
                  </InAppLink>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
