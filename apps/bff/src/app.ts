import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionInfo } from '@batchops/contracts';
import express, { type Express } from 'express';
import type { RegionalClients } from './aws/aws-clients.js';
import { bucketsRoutes, uploadBodyParser } from './buckets/buckets-routes.js';
import { connectionRoutes } from './connection/connection-routes.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { FailureIndex } from './dashboard/failure-index.js';
import { apiNotFound, errorHandler } from './errors/error-handler.js';
import { functionsRoutes } from './functions/functions-routes.js';
import { estimateRoutes } from './jobs/estimate/estimate-routes.js';
import { JobCache } from './jobs/job-cache.js';
import { jobsRoutes } from './jobs/jobs-routes.js';
import type { JobsServiceDeps } from './jobs/jobs-service-deps.js';
import { eventsRoutes } from './jobs/live/job-events-routes.js';
import {
  AWS_FOLLOW_INTERVALS,
  JobEventsHub,
  MAX_POLLERS,
  type PollIntervals,
} from './jobs/live/job-pollers.js';
import { ProgressHistory } from './jobs/live/progress-history.js';
import { preflightRoutes } from './jobs/preflight/preflight-routes.js';
import { ReportCache } from './jobs/report/report-cache.js';
import { reportRoutes } from './jobs/report/report-routes.js';
import { replicationRoutes } from './replication/replication-routes.js';
import { roleTemplateRoutes } from './roles/role-template-routes.js';
import { rolesRoutes } from './roles/roles-routes.js';
import { StreamLimit } from './sse/stream-limit.js';
import { allowedHostsOnly } from './web/allowed-hosts.js';
import { jsonMutationsOnly } from './web/json-only.js';
import { sameOriginOnly } from './web/same-origin.js';
import { securityHeaders } from './web/security-headers.js';
import { serveSpa } from './web/serve-spa.js';
import { sessionCookie } from './web/session-cookie.js';
import { wellFormedPath } from './web/well-formed-path.js';

export interface AppDeps {
  readonly clients: RegionalClients;
  readonly connection: ConnectionInfo;
  /** Directory of the built SPA (apps/web/dist). */
  readonly webDir: string;
  /** Serve the SPA's source maps (BATCHOPS_SERVE_SOURCE_MAPS); 404 otherwise. */
  readonly serveSourceMaps?: boolean;
  readonly version: string;
  /** Host names served besides localhost, 127.0.0.1 and [::1] (DNS rebinding guard). */
  readonly allowedHosts?: readonly string[];
  readonly log?: (line: string) => void;
  /** Live poll intervals (default 500 ms while a job moves, 3 s otherwise). */
  readonly pollIntervals?: PollIntervals;
  /** Live streams per client (browser session, else remote address; default 8) and pollers at once (default 32). */
  readonly sseLimits?: { readonly perClient?: number; readonly pollers?: number };
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /** How long a ListJobs snapshot serves the job list before a background re-read (default 5 s). */
  readonly listMaxAgeMs?: number;
  /** Local mode: local-aws's restore delay per tier (ms), for a restore job's ready estimate. */
  readonly restoreDelaysMs?: JobsServiceDeps['restoreDelaysMs'];
  /**
   * The console's directory: with it, progress samples are kept there (surviving a restart) and the
   * console's Region is polled for as long as it runs (decision 0033); without, in memory while watched.
   */
  readonly dataDir?: string;
}

/** A browser opens at most 6 HTTP/1.1 connections per host, so 8 streams per session do not limit one user. */
const STREAMS_PER_CLIENT = 8;

/** Stops the app's background work (live pollers): the server calls it after it stops listening. */
export const closeApp = (app: Express): void => (app.locals.close as () => void)();

/** The console's Express app; its `close` is kept in `app.locals`, Express's place for app-wide values. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(securityHeaders);
  app.use(allowedHostsOnly(deps.allowedHosts ?? []));
  app.use(wellFormedPath);
  app.use(sessionCookie);
  const now = deps.now ?? Date.now;
  if (deps.dataDir) mkdirSync(deps.dataDir, { recursive: true });
  const history = new ProgressHistory(deps.dataDir ? { file: join(deps.dataDir, 'progress.sqlite') } : {});
  const jobs: JobsServiceDeps = {
    accountId: deps.connection.accountId,
    region: deps.connection.region,
    endpoint: deps.connection.endpoint,
    clientsFor: (region) => deps.clients.forRegion(region),
    cache: new JobCache(deps.connection.accountId, now, deps.listMaxAgeMs),
    reports: new ReportCache(),
    ...(deps.restoreDelaysMs ? { restoreDelaysMs: deps.restoreDelaysMs } : {}),
    history,
    failures: new FailureIndex(),
    now,
  };
  const log = deps.log ?? ((line: string) => console.error(line));
  const hub = new JobEventsHub(jobs, deps.pollIntervals, log, deps.sseLimits?.pollers ?? MAX_POLLERS);
  // Against local-aws reads cost nothing: the follower keeps the pages' pace.
  if (deps.dataDir) hub.follow(undefined, jobs.endpoint === null ? AWS_FOLLOW_INTERVALS : undefined);
  const streams = new StreamLimit(deps.sseLimits?.perClient ?? STREAMS_PER_CLIENT);
  const api = express.Router();
  // Refusals come before the body is read.
  api.use(sameOriginOnly);
  api.use(jsonMutationsOnly);
  // Uploads (base64 JSON, up to 5 MB of file) parse first; every other body stays at 1 MB.
  api.use('/buckets', uploadBodyParser);
  api.use(express.json({ limit: '1mb' }));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(connectionRoutes(deps.connection, deps.version));
  // Fixed paths (/jobs/events, /jobs/preflight) before /jobs/:id.
  api.use('/jobs', eventsRoutes(hub, streams));
  api.use('/jobs', preflightRoutes(jobs));
  api.use('/jobs', estimateRoutes(jobs));
  api.use('/jobs', reportRoutes(jobs));
  api.use('/jobs', roleTemplateRoutes(jobs));
  api.use('/jobs', jobsRoutes(jobs));
  api.use('/buckets', replicationRoutes(jobs));
  api.use('/buckets', bucketsRoutes(deps.clients.forRegion().s3, deps.connection.region));
  api.use('/roles', rolesRoutes(jobs));
  api.use('/dashboard', dashboardRoutes(jobs));
  api.use('/functions', functionsRoutes(deps.clients));
  api.use(apiNotFound);
  app.use('/api', api);
  app.use(serveSpa(deps.webDir, { sourceMaps: deps.serveSourceMaps === true }));
  app.use(errorHandler(log));
  app.locals.close = () => {
    hub.close();
    history.close();
  };
  return app;
}
