import { ListJobsQuery, type ListJobsResponse } from '@batchops/contracts';
import { Router } from 'express';
import { type JobsServiceDeps, listAllJobs } from './jobs-service.js';

export function jobsRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = ListJobsQuery.parse(req.query);
    const body: ListJobsResponse = { jobs: await listAllJobs(deps, query.status) };
    res.json(body);
  });
  return router;
}
