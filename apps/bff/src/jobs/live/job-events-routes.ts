import { type ProgressHistoryResponse, RegionQuery } from '@batchops/contracts';
import { type Request, type Response, Router } from 'express';
import { openSseStream, type SseStream } from '../../sse/sse-stream.js';
import type { StreamLimit } from '../../sse/stream-limit.js';
import { jobTarget } from '../job-target.js';
import type { JobEventsHub } from './job-pollers.js';

/** Mounted under /jobs, before `/:id`: `/events` (the list), `/:id/events` (one job) and `/:id/progress` (its samples). */
export function eventsRoutes(hub: JobEventsHub, limit: StreamLimit): Router {
  const router = Router();
  // A stream counts against its client (browser session) and is refused before it opens.
  const open = (req: Request, res: Response, admit: () => void): SseStream => {
    const release = limit.acquire(req);
    try {
      admit();
    } catch (e) {
      release();
      throw e;
    }
    const stream = openSseStream(req, res);
    stream.onClose(release);
    return stream;
  };
  router.get('/events', (req, res) => {
    const { region } = RegionQuery.parse(req.query);
    const stream = open(req, res, () => hub.admitList(region));
    stream.onClose(hub.subscribeList(region, (e) => stream.send(e)));
  });
  router.get('/:id/progress', (req, res) => {
    const { id, region } = jobTarget(req);
    const body: ProgressHistoryResponse = {
      jobId: id,
      samples: hub.history.samples(hub.regionOf(region), id),
    };
    res.json(body);
  });
  router.get('/:id/events', (req, res) => {
    const { id, region } = jobTarget(req);
    const stream = open(req, res, () => hub.admitJob(id, region));
    stream.onClose(hub.subscribeJob(id, region, (e) => stream.send(e)));
  });
  return router;
}
