import { isJobStatus, type JobStatus } from '@batchops/engine';
import { S3CONTROL_XMLNS, ServiceError } from '../errors/service-error.js';
import { type HandlerResult, xmlResult } from '../http/handler-types.js';
import { el, elAttrs, opt, renderXml } from '../xml/xml-writer.js';
import type { JobListEntry, JobsBackend } from './jobs-backend.js';
import type { S3ControlContext } from './s3control-router.js';

const DEFAULT_MAX_RESULTS = 1000;
const NEXT_TOKEN = /^[A-Za-z0-9+:/=?#_-]{1,1024}$/;

function jobMember(job: JobListEntry) {
  return el(
    'member',
    el('JobId', job.jobId),
    opt('Description', job.description),
    opt('Operation', job.operation),
    el('Priority', job.priority),
    el('Status', job.status),
    el('CreationTime', job.creationTime),
    opt('TerminationDate', job.terminationDate),
    job.progress &&
      el(
        'ProgressSummary',
        opt('TotalNumberOfTasks', job.progress.total),
        el('NumberOfTasksSucceeded', job.progress.succeeded),
        el('NumberOfTasksFailed', job.progress.failed),
        job.progress.elapsedActiveSeconds !== undefined &&
          el('Timers', el('ElapsedTimeInActiveSeconds', job.progress.elapsedActiveSeconds)),
      ),
  );
}

/** GET /v20180820/jobs — ListJobs, newest first, paged by nextToken. */
export function listJobs(ctx: S3ControlContext, backend: JobsBackend): HandlerResult {
  const statuses: JobStatus[] = [];
  for (const s of ctx.target.query.get('jobStatuses') ?? []) {
    if (!isJobStatus(s)) {
      throw new ServiceError(400, 'InvalidRequestException', `jobStatuses: '${s}' is not a job status.`);
    }
    statuses.push(s);
  }
  const rawMax = ctx.target.query.get('maxResults')?.[0];
  let maxResults = DEFAULT_MAX_RESULTS;
  if (rawMax !== undefined) {
    maxResults = Number(rawMax);
    if (!/^\d+$/.test(rawMax) || maxResults > 1000) {
      throw new ServiceError(
        400,
        'InvalidRequestException',
        'maxResults must be a whole number from 0 to 1000.',
      );
    }
  }
  const nextToken = ctx.target.query.get('nextToken')?.[0];
  if (nextToken !== undefined && !NEXT_TOKEN.test(nextToken)) {
    throw new ServiceError(400, 'InvalidNextTokenException', 'The continuation token provided is invalid.');
  }
  const page = backend.listJobs({
    accountId: ctx.accountId,
    region: ctx.identity.region,
    statuses,
    maxResults,
    ...(nextToken !== undefined ? { nextToken } : {}),
  });
  return xmlResult(
    renderXml(
      elAttrs(
        'ListJobsResult',
        { xmlns: S3CONTROL_XMLNS },
        opt('NextToken', page.nextToken || undefined),
        el('Jobs', page.jobs.map(jobMember)),
      ),
    ),
  );
}
