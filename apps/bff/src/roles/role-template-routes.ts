import { RoleTemplateRequest } from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { roleTemplate } from './roles-service.js';

/** Mounted under /jobs, before `/:id`: the role a wizard job needs, nothing created. */
export function roleTemplateRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.post('/role-template', async (req, res) => {
    res.json(await roleTemplate(deps, RoleTemplateRequest.parse(req.body ?? {})));
  });
  return router;
}
