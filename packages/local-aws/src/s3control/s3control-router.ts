import type { Engine } from '@batchops/engine';
import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, header, type RequestContext } from '../http/handler-types.js';
import { decodeComponent } from '../http/request-target.js';
import {
  createJob,
  deleteJobTagging,
  describeJob,
  getJobTagging,
  listJobs,
  putJobTagging,
  updateJobPriority,
  updateJobStatus,
} from './job-operations.js';

export const S3CONTROL_PREFIX = '/v20180820/';

export interface S3ControlContext extends RequestContext {
  /** From the signed x-amz-account-id header, never from the Host prefix. */
  readonly accountId: string;
}

type Route = {
  readonly method: string;
  readonly path: RegExp;
  readonly operation: string;
  readonly handle: (
    ctx: S3ControlContext,
    engine: Engine,
    id: string,
  ) => HandlerResult | Promise<HandlerResult>;
};

const routes: readonly Route[] = [
  { method: 'GET', path: /^\/v20180820\/jobs$/, operation: 'ListJobs', handle: (ctx, e) => listJobs(ctx, e) },
  {
    method: 'POST',
    path: /^\/v20180820\/jobs$/,
    operation: 'CreateJob',
    handle: (ctx, e) => createJob(ctx, e),
  },
  { method: 'GET', path: /^\/v20180820\/jobs\/([^/]+)$/, operation: 'DescribeJob', handle: describeJob },
  {
    method: 'POST',
    path: /^\/v20180820\/jobs\/([^/]+)\/status$/,
    operation: 'UpdateJobStatus',
    handle: updateJobStatus,
  },
  {
    method: 'POST',
    path: /^\/v20180820\/jobs\/([^/]+)\/priority$/,
    operation: 'UpdateJobPriority',
    handle: updateJobPriority,
  },
  {
    method: 'GET',
    path: /^\/v20180820\/jobs\/([^/]+)\/tagging$/,
    operation: 'GetJobTagging',
    handle: getJobTagging,
  },
  {
    method: 'PUT',
    path: /^\/v20180820\/jobs\/([^/]+)\/tagging$/,
    operation: 'PutJobTagging',
    handle: putJobTagging,
  },
  {
    method: 'DELETE',
    path: /^\/v20180820\/jobs\/([^/]+)\/tagging$/,
    operation: 'DeleteJobTagging',
    handle: deleteJobTagging,
  },
];

export async function routeS3Control(ctx: RequestContext, engine: Engine): Promise<HandlerResult> {
  const path = ctx.target.rawPath.replace(/\/+$/, '');
  const matches = routes.filter((r) => r.path.test(path));
  if (matches.length === 0) {
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws does not implement the S3 Control operation at ${ctx.method} ${ctx.target.rawPath}.`,
    );
  }
  const route = matches.find((r) => r.method === ctx.method);
  if (!route) {
    throw new ServiceError(
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      {
        Method: ctx.method,
        ResourceType: 'JOB',
      },
    );
  }
  const accountId = header(ctx, 'x-amz-account-id');
  if (accountId === undefined || !/^\d{12}$/.test(accountId)) {
    throw new ServiceError(
      400,
      'InvalidRequestException',
      'The x-amz-account-id header must be a 12-digit account ID.',
    );
  }
  if (accountId !== ctx.identity.accountId) {
    throw new ServiceError(
      403,
      'AccessDenied',
      `The access key ${ctx.identity.accessKeyId} belongs to account ${ctx.identity.accountId}, not ${accountId}.`,
    );
  }
  const id = decodeComponent(path.match(route.path)?.[1] ?? '');
  return route.handle({ ...ctx, accountId }, engine, id);
}
