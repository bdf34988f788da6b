import { ReportQuery } from '@batchops/contracts';
import { Router } from 'express';
import { jobTarget } from '../job-target.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { getReport, retryFailed } from './report-service.js';

/** Mounted under /jobs: `/:id/report`, `/:id/retry-failed`. */
export function reportRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/:id/report', async (req, res) => {
    const { id, region } = jobTarget(req);
    const { page, pageSize } = ReportQuery.parse(req.query);
    res.json(await getReport(deps, id, { page, pageSize }, region));
  });
  router.post('/:id/retry-failed', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.status(201).json(await retryFailed(deps, id, region));
  });
  return router;
}
