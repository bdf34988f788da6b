import type { JobSummary } from '@batchops/contracts';
import type { TableProps } from '@cloudscape-design/components/table';
import { formatEta, formatFailedPercent, formatRate } from '../lib/job-rates';

/** Rate, ETA and Failed % of a job, as the job list and the dashboard show them. */
export const jobLiveColumns: TableProps.ColumnDefinition<JobSummary>[] = [
  { id: 'rate', header: 'Rate', cell: (j) => formatRate(j.ratePerSecond) },
  { id: 'eta', header: 'ETA', cell: (j) => formatEta(j.etaSeconds) },
  { id: 'failedPercent', header: 'Failed %', cell: (j) => formatFailedPercent(j.progress) },
];
