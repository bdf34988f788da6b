import {
  CancelJobRequest,
  type CreateJobResponse,
  JobWizardModel,
  ListJobsQuery,
  PutJobTagsRequest,
  UpdatePriorityRequest,
} from '@batchops/contracts';
import { Router } from 'express';
import { jobTarget } from './job-target.js';
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
  router.get('/:id', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.json(await getJob(deps, id, region));
  });
  router.post('/:id/run', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.json(await runJob(deps, id, region));
  });
  router.post('/:id/cancel', async (req, res) => {
    const { id, region } = jobTarget(req);
    const { reason } = CancelJobRequest.parse(req.body ?? {});
    res.json(await cancelJob(deps, id, reason, region));
  });
  router.put('/:id/priority', async (req, res) => {
    const { id, region } = jobTarget(req);
    const { priority } = UpdatePriorityRequest.parse(req.body ?? {});
    res.json(await updatePriority(deps, id, priority, region));
  });
  router.put('/:id/tags', async (req, res) => {
    const { id, region } = jobTarget(req);
    const { tags } = PutJobTagsRequest.parse(req.body ?? {});
    res.json(await replaceTags(deps, id, tags, region));
  });
  router.get('/:id/clone', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.json(await cloneJob(deps, id, region));
  });
  router.get('/:id/cli-command', async (req, res) => {
    const { id, region } = jobTarget(req);
    res.json(await cliCommand(deps, await cloneJob(deps, id, region)));
  });
  return router;
}
