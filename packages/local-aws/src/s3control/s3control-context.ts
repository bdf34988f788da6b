import type { RequestContext } from '../http/handler-types.js';
import type { Permission } from '../iam/authorizer.js';
import type { AccountPublicAccessBlocks } from '../s3/public-access-block.js';

export interface S3ControlContext extends RequestContext {
  /** From the signed x-amz-account-id header, never from the Host prefix. */
  readonly accountId: string;
  /** The accounts' Block Public Access settings (decision 0032). */
  readonly publicAccessBlocks?: AccountPublicAccessBlocks;
  /** Refuse (403 AccessDenied) unless the caller's identity-based policies allow (decision 0022). */
  authorize(permissions: readonly Permission[]): void;
}

/** The ARN of a job, the resource of the job actions. */
export const jobArn = (ctx: S3ControlContext, jobId: string) =>
  `arn:aws:s3:${ctx.identity.region}:${ctx.accountId}:job/${jobId}`;

/** The operation's name as s3:RequestJobOperation / s3:ExistingJobOperation compare it. */
export const operationName = (operation: object | undefined) =>
  Object.keys(operation ?? {}).find((k) => (operation as Record<string, unknown>)[k] !== undefined);
