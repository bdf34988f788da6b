import { RegionQuery } from '@batchops/contracts';
import { Router } from 'express';
import type { RegionalClients } from '../aws/aws-clients.js';
import { listFunctions } from './functions-service.js';

/** GET /api/functions?region=: the Lambda functions the wizard's Invoke AWS Lambda function offers. */
export function functionsRoutes(clients: RegionalClients): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { region } = RegionQuery.parse(req.query);
    res.json(await listFunctions(clients.forRegion(region).lambda));
  });
  return router;
}
