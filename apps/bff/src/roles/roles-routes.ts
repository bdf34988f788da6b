import { CreateRoleFromTemplateRequest, ListRolesQuery, RoleNameParams } from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { createRoleFromTemplate, getRole, listRoles } from './roles-service.js';

/** Mounted under /roles. */
export function rolesRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listRoles(deps, ListRolesQuery.parse(req.query)));
  });
  router.post('/from-template', async (req, res) => {
    res
      .status(201)
      .json(await createRoleFromTemplate(deps, CreateRoleFromTemplateRequest.parse(req.body ?? {})));
  });
  router.get('/:name', async (req, res) => {
    res.json(await getRole(deps, RoleNameParams.parse(req.params).name));
  });
  return router;
}
