import type { ConnectionInfo, HealthResponse } from '@batchops/contracts';
import { Router } from 'express';

export function connectionRoutes(connection: ConnectionInfo, version: string): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok', version };
    res.json(body);
  });
  router.get('/connection', (_req, res) => {
    res.json(connection);
  });
  return router;
}
