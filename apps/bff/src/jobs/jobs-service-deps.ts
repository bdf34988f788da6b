import type { RestoreTier } from '@batchops/batch-formats';
import type { AwsClients } from '../aws/aws-clients.js';
import type { FailureIndex } from '../dashboard/failure-index.js';
import type { JobCache } from './job-cache.js';
import type { ProgressHistory } from './live/progress-history.js';
import type { ReportCache } from './report/report-cache.js';

export interface JobsServiceDeps {
  readonly accountId: string;
  /** The console's Region. */
  readonly region: string;
  /** S3 / S3 Control endpoint shown in CLI commands; null for the AWS endpoints. */
  readonly endpoint: string | null;
  clientsFor(region?: string): AwsClients;
  readonly cache: JobCache;
  /** Progress samples of the jobs (decision 0033): charts, rates, the dashboard. */
  readonly history: ProgressHistory;
  /** What the reports of ended jobs say of their failures (the dashboard, `?errorCode=`). */
  readonly failures: FailureIndex;
  /** Parsed completion reports of ended jobs. */
  readonly reports: ReportCache;
  /** Local mode: how long local-aws takes to restore an archived object, per tier (ms). */
  readonly restoreDelaysMs?: Readonly<Record<RestoreTier, number>>;
  /** The clock (ms since the epoch): every time the BFF reads goes through it. */
  now(): number;
}
