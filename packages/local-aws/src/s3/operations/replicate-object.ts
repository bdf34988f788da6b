import { objectArn } from '@batchops/batch-formats';
import type { ObjectRef, TaskOutcome } from '@batchops/engine';
import { ServiceError } from '../../errors/service-error.js';
import type { Principal } from '../../iam/principal.js';
import type { S3Services } from '../s3-context.js';
import { accessDenied } from '../s3-errors.js';

// Batch Replication's copy (decision 0017): what S3 does inside the service for an
// S3ReplicateObject task — replicate one version now, keeping its version ID, under the bucket's
// current rules. No HTTP route serves it: the engine calls it in-process, so nothing a function or
// any other client can send reaches it. The job's role needs s3:InitiateReplication on the object
// and its account must own the source bucket, as for any S3 call of the role.

/** The action S3 asks the job's role for (Service Authorization Reference). */
export const INITIATE_REPLICATION = 's3:InitiateReplication';

function failure(e: unknown): TaskOutcome {
  if (!(e instanceof ServiceError)) throw e;
  return { ok: false, http: e.status, code: e.code, message: e.message };
}

/** Replicate `object` as `principal` (the job's role session); the outcome is the task's. */
export async function replicateObject(
  svc: S3Services,
  principal: Principal,
  object: ObjectRef,
): Promise<TaskOutcome> {
  try {
    svc.authorizer?.check(
      principal,
      [{ action: INITIATE_REPLICATION, resource: objectArn(object.bucket, object.key) }],
      true,
    );
    const source = svc.meta.getBucket(object.bucket);
    // Another account's bucket: the role's account cannot replicate it (S3's bare AccessDenied).
    if (source && source.owner !== principal.accountId) throw accessDenied();
    await svc.replication.replicate(object.bucket, object.key, object.versionId);
    return { ok: true, http: 200, message: 'Successful' };
  } catch (e) {
    return failure(e);
  }
}
