import { RegionQuery } from '@batchops/contracts';
import { Router } from 'express';
import { jobTarget } from '../jobs/jobs-routes.js';
import type { JobEventsHub } from './job-pollers.js';
import { openSseStream } from './sse-stream.js';

/** Mounted under /jobs, before `/:id`: `/events` (the list) and `/:id/events` (one job). */
export function eventsRoutes(hub: JobEventsHub): Router {
  const router = Router();
  router.get('/events', (req, res) => {
    const { region } = RegionQuery.parse(req.query);
    const stream = openSseStream(req, res);
    stream.onClose(hub.subscribeList(region, (e) => stream.send(e)));
  });
  router.get('/:id/events', (req, res) => {
    const { id, region } = jobTarget(req);
    const stream = openSseStream(req, res);
    stream.onClose(hub.subscribeJob(id, region, (e) => stream.send(e)));
  });
  return router;
}
