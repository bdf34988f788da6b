import type { Engine } from '@batchops/engine';
import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, header, type RequestContext } from '../http/handler-types.js';
import { matchPathRoute, type PathRoute } from '../http/path-routes.js';
import type { Authorizer } from '../iam/authorizer.js';
import type { AccountPublicAccessBlocks } from '../s3/public-access-block.js';
import {
  deleteAccountPublicAccessBlock,
  getAccountPublicAccessBlock,
  putAccountPublicAccessBlock,
} from './account-public-access-block.js';
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
import { jobArn, operationName, type S3ControlContext } from './s3control-context.js';

export const S3CONTROL_PREFIX = '/v20180820/';

/** s3:ExistingJobTag/<key>, s3:ExistingJobPriority, s3:ExistingJobOperation of a job, when it exists. */
function existingJob(engine: Engine, accountId: string, jobId: string): Record<string, string> {
  try {
    const job = engine.describeJob(accountId, jobId);
    const tags = engine.getJobTagging(accountId, jobId);
    const operation = operationName(job.Operation);
    return {
      's3:ExistingJobPriority': String(job.Priority ?? 0),
      ...(operation ? { 's3:ExistingJobOperation': operation } : {}),
      ...Object.fromEntries(tags.map((t) => [`s3:ExistingJobTag/${t.Key}`, t.Value])),
    };
  } catch {
    // A job that does not exist has no existing keys; the operation answers NotFound after the check.
    return {};
  }
}

/** The job actions checked before the handler runs (CreateJob and PutJobTagging check their body). */
const CHECKED_FIRST: Readonly<Record<string, string>> = {
  ListJobs: 's3:ListJobs',
  DescribeJob: 's3:DescribeJob',
  UpdateJobStatus: 's3:UpdateJobStatus',
  UpdateJobPriority: 's3:UpdateJobPriority',
  GetJobTagging: 's3:GetJobTagging',
  DeleteJobTagging: 's3:DeleteJobTagging',
  GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
  PutPublicAccessBlock: 's3:PutAccountPublicAccessBlock',
  DeletePublicAccessBlock: 's3:PutAccountPublicAccessBlock',
};

/** The account-wide operations: their resource is `*`. */
const ON_ACCOUNT = new Set([
  'ListJobs',
  'GetPublicAccessBlock',
  'PutPublicAccessBlock',
  'DeletePublicAccessBlock',
]);

interface Route extends PathRoute<S3ControlContext, Engine> {
  readonly operation: string;
}

/** A route of the S3 Control path `/v20180820/<tail>` (`{id}` captured as `([^/]+)`). */
const route = (method: string, tail: string, operation: string, handle: Route['handle']): Route => ({
  method,
  path: new RegExp(`^/v20180820/${tail.replace('{id}', '([^/]+)')}$`),
  operation,
  handle,
});

const routes: readonly Route[] = [
  route('GET', 'jobs', 'ListJobs', (ctx, e) => listJobs(ctx, e)),
  route('POST', 'jobs', 'CreateJob', (ctx, e) => createJob(ctx, e)),
  route('GET', 'jobs/{id}', 'DescribeJob', describeJob),
  route('POST', 'jobs/{id}/status', 'UpdateJobStatus', updateJobStatus),
  route('POST', 'jobs/{id}/priority', 'UpdateJobPriority', updateJobPriority),
  route('GET', 'jobs/{id}/tagging', 'GetJobTagging', getJobTagging),
  route('PUT', 'jobs/{id}/tagging', 'PutJobTagging', putJobTagging),
  route('DELETE', 'jobs/{id}/tagging', 'DeleteJobTagging', deleteJobTagging),
  route('GET', 'configuration/publicAccessBlock', 'GetPublicAccessBlock', getAccountPublicAccessBlock),
  route('PUT', 'configuration/publicAccessBlock', 'PutPublicAccessBlock', putAccountPublicAccessBlock),
  route(
    'DELETE',
    'configuration/publicAccessBlock',
    'DeletePublicAccessBlock',
    deleteAccountPublicAccessBlock,
  ),
];

export async function routeS3Control(
  ctx: RequestContext,
  engine: Engine,
  authorizer?: Authorizer,
  publicAccessBlocks?: AccountPublicAccessBlocks,
): Promise<HandlerResult> {
  const match = matchPathRoute(routes, ctx.method, ctx.target.rawPath);
  if (match === 'none') {
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws does not implement the S3 Control operation at ${ctx.method} ${ctx.target.rawPath}.`,
    );
  }
  if (match === 'method') {
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
  const { route, id } = match;
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
  const principal = ctx.identity.principal;
  const full: S3ControlContext = {
    ...ctx,
    accountId,
    publicAccessBlocks,
    authorize: (permissions) => {
      if (authorizer && principal.kind !== 'root') authorizer.check(principal, permissions);
    },
  };
  const action = CHECKED_FIRST[route.operation];
  if (action && principal.kind !== 'root') {
    const priority = ctx.target.query.get('priority')?.[0];
    full.authorize([
      {
        action,
        resource: ON_ACCOUNT.has(route.operation) ? '*' : jobArn(full, id),
        context: {
          ...(ON_ACCOUNT.has(route.operation) ? {} : existingJob(engine, accountId, id)),
          ...(route.operation === 'UpdateJobPriority' && priority !== undefined
            ? { 's3:RequestJobPriority': priority }
            : {}),
        },
      },
    ]);
  }
  return route.handle(full, engine, id);
}
