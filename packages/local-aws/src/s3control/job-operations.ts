import type { CreateJobInput, Engine, JobErrorCode, JobStatus, S3Tag } from '@batchops/engine';
import { JobError } from '@batchops/engine';
import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, xmlResult } from '../http/handler-types.js';
import { parseXml, readBodyText } from '../xml/xml-reader.js';
import { renderXml } from '../xml/xml-writer.js';
import { decodeRequest, decodeShape } from './model/shape-decoder.js';
import { encodeResult } from './model/shape-encoder.js';
import { jobArn, operationName, type S3ControlContext } from './s3control-context.js';

/** aws:RequestTag/<key>, aws:TagKeys and s3:RequestJobTag/<key> of the tags a request sets. */
const requestTagContext = (tags: readonly S3Tag[]) => ({
  'aws:TagKeys': tags.map((t) => t.Key ?? ''),
  ...Object.fromEntries(
    tags.flatMap((t) => [
      [`aws:RequestTag/${t.Key}`, t.Value ?? ''],
      [`s3:RequestJobTag/${t.Key}`, t.Value ?? ''],
    ]),
  ),
});

// The eight S3 Control job operations: wire shapes come from the AWS model (model/), the behaviour
// from the engine. Engine errors keep their modeled codes; the status is ours to pick.
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

/** The query and `{id}` members of a request, decoded by the model (errors: BadRequestException). */
function params<T>(shape: string, ctx: S3ControlContext, id?: string): T {
  return decodeRequest<T>(shape, { query: ctx.target.query, ...(id !== undefined ? { uri: { id } } : {}) });
}

export async function createJob(ctx: S3ControlContext, engine: Engine): Promise<HandlerResult> {
  const input = decodeShape<CreateJobInput>('CreateJobRequest', await body(ctx, 'CreateJobRequest'));
  // s3:CreateJob with the request's tags, priority and operation; iam:PassRole on the job's role.
  const operation = operationName(input.Operation);
  ctx.authorize([
    {
      action: 's3:CreateJob',
      resource: '*',
      context: {
        ...requestTagContext(input.Tags ?? []),
        ...(input.Priority !== undefined ? { 's3:RequestJobPriority': String(input.Priority) } : {}),
        ...(operation ? { 's3:RequestJobOperation': operation } : {}),
      },
    },
    ...(input.RoleArn
      ? [
          {
            action: 'iam:PassRole',
            resource: input.RoleArn,
            context: { 'iam:PassedToService': 's3.amazonaws.com' },
          },
        ]
      : []),
  ]);
  const { jobId } = engineCall(() => engine.createJob(ctx.accountId, ctx.identity.region, input));
  return result('CreateJobResult', { JobId: jobId });
}

export function describeJob(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const { JobId } = params<{ JobId: string }>('DescribeJobRequest', ctx, id);
  const job = engineCall(() => engine.describeJob(ctx.accountId, JobId));
  return result('DescribeJobResult', { Job: job });
}

export function listJobs(ctx: S3ControlContext, engine: Engine): HandlerResult {
  // ListJobs models InvalidRequestException and, for the token, InvalidNextTokenException.
  const input = decodeRequest<{ JobStatuses?: JobStatus[]; NextToken?: string; MaxResults?: number }>(
    'ListJobsRequest',
    { query: ctx.target.query },
    (member) => (member === 'NextToken' ? 'InvalidNextTokenException' : 'InvalidRequestException'),
  );
  const page = engineCall(() =>
    engine.listJobs({
      accountId: ctx.accountId,
      region: ctx.identity.region,
      statuses: input.JobStatuses ?? [],
      // 0, like no value, is the service maximum.
      maxResults: input.MaxResults || 1000,
      ...(input.NextToken ? { nextToken: input.NextToken } : {}),
    }),
  );
  return result('ListJobsResult', {
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    Jobs: page.jobs,
  });
}

export function updateJobPriority(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const { JobId, Priority } = params<{ JobId: string; Priority: number }>(
    'UpdateJobPriorityRequest',
    ctx,
    id,
  );
  const out = engineCall(() => engine.updateJobPriority(ctx.accountId, JobId, Priority));
  return result('UpdateJobPriorityResult', { JobId: out.jobId, Priority: out.priority });
}

export function updateJobStatus(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const input = params<{
    JobId: string;
    RequestedJobStatus: 'Ready' | 'Cancelled';
    StatusUpdateReason?: string;
  }>('UpdateJobStatusRequest', ctx, id);
  const out = engineCall(() =>
    engine.updateJobStatus(ctx.accountId, input.JobId, input.RequestedJobStatus, input.StatusUpdateReason),
  );
  return result('UpdateJobStatusResult', {
    JobId: out.jobId,
    Status: out.status,
    ...(out.statusUpdateReason ? { StatusUpdateReason: out.statusUpdateReason } : {}),
  });
}

export function getJobTagging(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const { JobId } = params<{ JobId: string }>('GetJobTaggingRequest', ctx, id);
  const tags = engineCall(() => engine.getJobTagging(ctx.accountId, JobId));
  return result('GetJobTaggingResult', { Tags: tags });
}

export async function putJobTagging(
  ctx: S3ControlContext,
  engine: Engine,
  id: string,
): Promise<HandlerResult> {
  const { JobId } = params<{ JobId: string }>('PutJobTaggingRequest', ctx, id);
  const { Tags } = decodeShape<{ Tags?: S3Tag[] }>(
    'PutJobTaggingRequest',
    await body(ctx, 'PutJobTaggingRequest'),
  );
  if (ctx.identity.principal.kind !== 'root') {
    const existing = engineCall(() => engine.getJobTagging(ctx.accountId, JobId));
    ctx.authorize([
      {
        action: 's3:PutJobTagging',
        resource: jobArn(ctx, JobId),
        context: {
          ...Object.fromEntries(existing.map((t) => [`s3:ExistingJobTag/${t.Key}`, t.Value])),
          ...requestTagContext(Tags ?? []),
        },
      },
    ]);
  }
  engineCall(() => engine.putJobTagging(ctx.accountId, JobId, Tags ?? []));
  return { status: 200 };
}

export function deleteJobTagging(ctx: S3ControlContext, engine: Engine, id: string): HandlerResult {
  const { JobId } = params<{ JobId: string }>('DeleteJobTaggingRequest', ctx, id);
  engineCall(() => engine.deleteJobTagging(ctx.accountId, JobId));
  return { status: 200 };
}
