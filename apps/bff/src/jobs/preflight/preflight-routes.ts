import { PreflightRequest } from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { preflight } from './preflight-service.js';

/** Mounted under /jobs, before `/:id`. */
export function preflightRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.post('/preflight', async (req, res) => {
    res.json(await preflight(deps, PreflightRequest.parse(req.body ?? {})));
  });
  return router;
}
