import type { ConnectionInfo } from '@batchops/contracts';
import express, { type Express } from 'express';
import type { AwsClients } from './aws/aws-clients.js';
import { connectionRoutes } from './connection/connection-routes.js';
import { apiNotFound, errorHandler } from './errors/error-handler.js';
import { jobsRoutes } from './jobs/jobs-routes.js';
import { sameOriginOnly } from './web/same-origin.js';
import { serveSpa } from './web/serve-spa.js';

export interface AppDeps {
  readonly clients: AwsClients;
  readonly connection: ConnectionInfo;
  /** Directory of the built SPA (apps/web/dist). */
  readonly webDir: string;
  readonly version: string;
  readonly log?: (line: string) => void;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(sameOriginOnly);
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(connectionRoutes(deps.connection, deps.version));
  api.use('/jobs', jobsRoutes({ s3control: deps.clients.s3control, accountId: deps.connection.accountId }));
  api.use(apiNotFound);
  app.use('/api', api);
  app.use(serveSpa(deps.webDir));
  app.use(errorHandler(deps.log ?? ((line) => console.error(line))));
  return app;
}
