import type { CreateJobInput, Engine, JobErrorCode, JobStatus, S3Tag } from '@batchops/engine';
import { isJobStatus, JobError } from '@batchops/engine';
import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, xmlResult } from '../http/handler-types.js';
import { parseXml, readBodyText } from '../xml/xml-reader.js';
import { renderXml } from '../xml/xml-writer.js';
import { decodeShape, encodeResult } from './model/shape-codec.js';
import type { S3ControlContext } from './s3control-router.js';

// The eight S3 Control job operations: wire shapes come from the AWS model (shape-codec), the
// behaviour from the engine. Engine errors keep their modeled codes; the status is ours to pick.
const STATUS_OF: Record<JobErrorCode, number> = {
  BadRequestException: 400,
  InvalidRequestException: 400,
  InvalidNextTokenException: 400,
  TooManyTagsException: 400,
  IdempotencyException: 409,
  JobStatusException: 409,
  NotFoundException: 404,
};

/** Run an engine call, turning its JobError into the S3 Control error. */
export function engineCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof JobError) throw new ServiceError(STATUS_OF[e.code], e.code, e.message);
    throw e;
  }
}

const result = (shape: string, value: unknown): HandlerResult =>
  xmlResult(renderXml(encodeResult(shape, value)));

/** A request body (already checked against the signature: request-body.ts). */
async function body(ctx: S3ControlContext, root: string): Promise<Record<string, unknown>> {
  const text = await readBodyText(ctx.body, 1024 * 1024);
  if (text.trim() === '')
    throw new ServiceError(400, 'BadRequestException', `The request body must be a <${root}> document.`);
  return parseXml(text, root);
}

const JOB_ID = /^[a-zA-Z0-9_-]{5,36}$/;

export function jobIdParam(id: string): string {
  if (!JOB_ID.test(id)) throw new ServiceError(400, 'BadRequestException', `id: '${id}' is not a job ID`);
  return id;
}

export async function createJob(ctx: S3ControlContext, engine: Engine): Promise<HandlerResult> {
  const input = decodeShape<CreateJobInput>('CreateJobRequest', await body(ctx, 'CreateJobRequest'));
  const { jobId } = engineCall(() => engine.createJob(ctx.accountId, ctx.identity.region, input));
  return result('CreateJobResult', { JobId: jobId });
}

export function describeJob(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const job = engineCall(() => engine.describeJob(ctx.accountId, jobIdParam(id)));
  return result('DescribeJobResult', { Job: job });
}

export function listJobs(ctx: S3ControlContext, engine: Engine): HandlerResult {
  const statuses: JobStatus[] = [];
  for (const s of ctx.target.query.get('jobStatuses') ?? []) {
    if (!isJobStatus(s))
      throw new ServiceError(400, 'InvalidRequestException', `jobStatuses: '${s}' is not a job status.`);
    statuses.push(s);
  }
  const rawMax = ctx.target.query.get('maxResults')?.[0];
  const maxResults = rawMax === undefined ? 1000 : Number(rawMax);
  if (rawMax !== undefined && (!/^\d+$/.test(rawMax) || maxResults > 1000)) {
    throw new ServiceError(
      400,
      'InvalidRequestException',
      'maxResults must be a whole number from 0 to 1000.',
    );
  }
  const nextToken = ctx.target.query.get('nextToken')?.[0];
  if (nextToken !== undefined && !/^[A-Za-z0-9+:/=?#_-]{1,1024}$/.test(nextToken)) {
    throw new ServiceError(400, 'InvalidNextTokenException', 'The continuation token provided is invalid.');
  }
  const page = engineCall(() =>
    engine.listJobs({
      accountId: ctx.accountId,
      region: ctx.identity.region,
      statuses,
      maxResults: maxResults || 1000,
      ...(nextToken ? { nextToken } : {}),
    }),
  );
  return result('ListJobsResult', {
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    Jobs: page.jobs,
  });
}

export function updateJobPriority(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const raw = ctx.target.query.get('priority')?.[0];
  const priority = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || priority > 2147483647) {
    throw new ServiceError(
      400,
      'BadRequestException',
      'priority: must be a whole number from 0 to 2147483647',
    );
  }
  const out = engineCall(() => engine.updateJobPriority(ctx.accountId, jobIdParam(id), priority));
  return result('UpdateJobPriorityResult', { JobId: out.jobId, Priority: out.priority });
}

export function updateJobStatus(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const requested = ctx.target.query.get('requestedJobStatus')?.[0];
  if (requested !== 'Ready' && requested !== 'Cancelled') {
    throw new ServiceError(400, 'BadRequestException', 'requestedJobStatus: must be Ready or Cancelled');
  }
  const reason = ctx.target.query.get('statusUpdateReason')?.[0];
  if (reason !== undefined && (reason.length < 1 || reason.length > 256)) {
    throw new ServiceError(
      400,
      'BadRequestException',
      'statusUpdateReason: length must be between 1 and 256',
    );
  }
  const out = engineCall(() => engine.updateJobStatus(ctx.accountId, jobIdParam(id), requested, reason));
  return result('UpdateJobStatusResult', {
    JobId: out.jobId,
    Status: out.status,
    ...(out.statusUpdateReason ? { StatusUpdateReason: out.statusUpdateReason } : {}),
  });
}

export function getJobTagging(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const tags = engineCall(() => engine.getJobTagging(ctx.accountId, jobIdParam(id)));
  return result('GetJobTaggingResult', { Tags: tags });
}

export async function putJobTagging(
  ctx: S3ControlContext,
  engine: Engine,
  id: string,
): Promise<HandlerResult> {
  jobIdParam(id);
  const doc = await body(ctx, 'PutJobTaggingRequest');
  const { Tags } = decodeShape<{ Tags?: S3Tag[] }>('PutJobTaggingRequest', doc);
  engineCall(() => engine.putJobTagging(ctx.accountId, id, Tags ?? []));
  return { status: 200 };
}

export function deleteJobTagging(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  engineCall(() => engine.deleteJobTagging(ctx.accountId, jobIdParam(id)));
  return { status: 200 };
}
