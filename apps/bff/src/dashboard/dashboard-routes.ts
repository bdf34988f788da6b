import { DashboardQuery } from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { getDashboard } from './dashboard-service.js';

/** GET /api/dashboard?region=… */
export function dashboardRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { region } = DashboardQuery.parse(req.query);
    res.json(await getDashboard(deps, region ?? deps.region));
  });
  return router;
}
