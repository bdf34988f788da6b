import { ReportQuery } from '@batchops/contracts';
import { Router } from 'express';
import { jobTarget } from '../job-target.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { getReport } from './report-service.js';
import { retryFailed, retryManifest } from './retry-failed.js';

/** Mounted under /jobs: `/:id/report`, `/:id/retry-manifest` (for the wizard), `/:id/retry-failed`. */
export function reportRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/:id/report', async (req, res) => {
    const { id, region } = jobTarget(req);
    const { page, pageSize } = ReportQuery.parse(req.query);
    res.json(await getReport(deps, id, { page, pageSize }, region));
  });
  router.post('/:id/retry-manifest', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.status(201).json(await retryManifest(deps, id, region));
  });
  router.post('/:id/retry-failed', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.status(201).json(await retryFailed(deps, id, region));
  });
  return router;
}
