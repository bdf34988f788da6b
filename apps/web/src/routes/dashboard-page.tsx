import Alert from '@cloudscape-design/components/alert';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LiveUpdatesStatus } from '../components/live-updates-status';
import { useDashboard, useDashboardEvents } from '../features/dashboard/api/get-dashboard';
import { DashboardNow } from '../features/dashboard/components/dashboard-now';
import { DeniedActionsList, ErrorCodesTable } from '../features/dashboard/components/failure-tables';
import {
  ActiveJobsTable,
  AwaitingConfirmationTable,
  activeRows,
} from '../features/dashboard/components/job-tables';
import { PeriodTotalsPanel } from '../features/dashboard/components/period-totals';
import { RunJobModal } from '../features/jobs/components/run-job-modal';

/** The Region's jobs at a glance, live: what runs, in which order, how fast, and what fails and why. */
export function DashboardPage() {
  const navigate = useNavigate();
  const dashboard = useDashboard();
  const stream = useDashboardEvents();
  const [running, setRunning] = useState<string | null>(null);
  const d = dashboard.data;
  const loading = dashboard.isPending;
  const follow = (href: string) => void navigate(href);
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        description={d ? `Region ${d.region}; every number opens the jobs it counts.` : undefined}
        actions={<LiveUpdatesStatus status={stream} />}
      >
        Dashboard
      </Header>
      {dashboard.isError && (
        <Alert type="error" header="Could not load the dashboard">
          {dashboard.error.message}
        </Alert>
      )}
      <DashboardNow data={d} follow={follow} />
      <ActiveJobsTable
        items={activeRows(d?.queue ?? [], d?.active ?? [])}
        loading={loading}
        follow={follow}
      />
      <AwaitingConfirmationTable
        items={d?.awaitingConfirmation ?? []}
        loading={loading}
        follow={follow}
        onRun={setRunning}
      />
      <PeriodTotalsPanel last24Hours={d?.last24Hours} last7Days={d?.last7Days} follow={follow} />
      <ErrorCodesTable items={d?.errorCodes ?? []} loading={loading} follow={follow} />
      <DeniedActionsList items={d?.deniedActions ?? []} follow={follow} />
      {d && d.reportsUnread.length > 0 && (
        <Alert type="info" header="Some reports could not be read">
          {`Jobs ended with failures whose completion report is off or unreadable: ${d.reportsUnread.join(', ')}.`}
        </Alert>
      )}
      {running && <RunJobModal jobId={running} onClose={() => setRunning(null)} />}
    </SpaceBetween>
  );
}
