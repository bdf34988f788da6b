import { PreflightRequest } from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { estimateCost } from './estimate-service.js';

/** Mounted under /jobs, before `/:id`. */
export function estimateRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  // The wizard's model as pre-flight takes it: the estimate needs no token and no role.
  router.post('/estimate', async (req, res) => {
    res.json(await estimateCost(deps, PreflightRequest.parse(req.body ?? {})));
  });
  return router;
}
