import {
  CancelJobRequest,
  type CreateJobResponse,
  JobWizardModel,
  ListJobsQuery,
  PutJobTagsRequest,
  UpdatePriorityRequest,
} from '@batchops/contracts';
import { type Request, type Response, Router } from 'express';
import { type JobTarget, jobTarget } from './job-target.js';
import {
  cancelJob,
  cliCommand,
  cloneJob,
  createJob,
  getJob,
  listJobs,
  replaceTags,
  runJob,
  updatePriority,
} from './jobs-service.js';
import type { JobsServiceDeps } from './jobs-service-deps.js';
import { restoreStatus } from './restore/restore-status-service.js';

export function jobsRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listJobs(deps, ListJobsQuery.parse(req.query)));
  });
  router.post('/', async (req, res) => {
    const body: CreateJobResponse = await createJob(deps, JobWizardModel.parse(req.body ?? {}));
    res.status(201).json(body);
  });
  router.post('/cli-command', async (req, res) => {
    res.json(await cliCommand(deps, JobWizardModel.parse(req.body ?? {})));
  });
  // Reads that need nothing but the job and its Region.
  const jobReads = { '/:id': getJob, '/:id/restore-status': restoreStatus, '/:id/clone': cloneJob };
  for (const [path, answer] of Object.entries(jobReads)) {
    router.get(
      path,
      forJob(({ id, region }) => answer(deps, id, region)),
    );
  }
  router.post(
    '/:id/run',
    forJob(({ id, region }) => runJob(deps, id, region)),
  );
  router.post(
    '/:id/cancel',
    forJob(({ id, region }, body) => cancelJob(deps, id, CancelJobRequest.parse(body).reason, region)),
  );
  router.put(
    '/:id/priority',
    forJob(({ id, region }, body) =>
      updatePriority(deps, id, UpdatePriorityRequest.parse(body).priority, region),
    ),
  );
  router.put(
    '/:id/tags',
    forJob(({ id, region }, body) => replaceTags(deps, id, PutJobTagsRequest.parse(body).tags, region)),
  );
  router.get(
    '/:id/cli-command',
    forJob(async ({ id, region }) => cliCommand(deps, await cloneJob(deps, id, region))),
  );
  return router;
}

/** A route of one job: the job and Region from the path and query, the body as sent, the answer as JSON. */
const forJob =
  (answer: (target: JobTarget, body: unknown) => Promise<unknown>) => async (req: Request, res: Response) => {
    res.json(await answer(jobTarget(req), req.body ?? {}));
  };
