import { randomBytes } from 'node:crypto';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { bucketArn, type ManifestRow } from '@batchops/batch-formats';
import { JobError } from '../job-types.js';
import { failedOutcome, type OperationModule, type TaskContext, type TaskOutcome } from './operation.js';

/** The model's FunctionArn pattern (a name, a partial or a full ARN, maybe qualified). */
export const FUNCTION_ARN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** TemporaryFailure answers are redriven this many times, after these pauses, before the task fails. */
export const TEMPORARY_FAILURE_DELAYS_MS = [100, 500, 2000] as const;

const RESULT_CODES = new Set(['Succeeded', 'TemporaryFailure', 'PermanentFailure']);

/** Opaque ids like Batch Operations' (base64 of random bytes). */
function opaqueId(): string {
  return randomBytes(18).toString('base64');
}

/** The S3 key encoding of manifests (URL-encoded, `/` kept), for tasks that have no manifest line. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/');
}

/** The event Batch Operations sends for one task: schema 1.0 (bucket ARN) or 2.0 (bucket name, user arguments). */
export function invocationEvent(
  version: string,
  invocationId: string,
  taskId: string,
  task: ManifestRow,
  ctx: Pick<TaskContext, 'jobId' | 'encodedKey'>,
  userArguments: Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const s3Key = ctx.encodedKey ?? encodeKey(task.key);
  const s3VersionId = task.versionId ?? null;
  if (version === '2.0') {
    return {
      invocationSchemaVersion: '2.0',
      invocationId,
      job: { id: ctx.jobId, userArguments: userArguments ?? {} },
      tasks: [{ taskId, s3Bucket: task.bucket, s3Key, s3VersionId }],
    };
  }
  return {
    invocationSchemaVersion: '1.0',
    invocationId,
    job: { id: ctx.jobId },
    tasks: [{ taskId, s3Key, s3VersionId, s3BucketArn: bucketArn(task.bucket) }],
  };
}

type Attempt = TaskOutcome | { readonly temporary: string };

/** One invocation and how its answer reads for the task. */
async function attempt(
  ctx: TaskContext,
  functionArn: string,
  payload: Uint8Array,
  taskId: string,
): Promise<Attempt> {
  const region = functionArn.match(FUNCTION_ARN)?.[3]?.slice(0, -1) ?? ctx.region;
  let out: { StatusCode?: number; FunctionError?: string; Payload?: Uint8Array };
  try {
    out = await ctx
      .lambda(region)
      .send(
        new InvokeCommand({ FunctionName: functionArn, InvocationType: 'RequestResponse', Payload: payload }),
      );
  } catch (e) {
    return failedOutcome(e, 'The Lambda invocation failed.');
  }
  const http = out.StatusCode ?? 200;
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8');
  // A function error (thrown, timed out, out of memory) fails the task as Batch Operations reports it.
  if (out.FunctionError) {
    return { ok: false, http, code: 'PermanentFailure', message: `Lambda returned function error: ${text}` };
  }
  let response: { treatMissingKeysAs?: unknown; invocationId?: unknown; results?: unknown };
  try {
    response = JSON.parse(text);
    if (typeof response !== 'object' || response === null) throw new Error('not an object');
  } catch {
    return { ok: false, http, code: 'PermanentFailure', message: 'Invalid JSON returned in Lambda payload' };
  }
  const results = Array.isArray(response.results) ? response.results : [];
  const result = results.find(
    (r): r is { taskId: string; resultCode?: unknown; resultString?: unknown } =>
      typeof r === 'object' && r !== null && (r as { taskId?: unknown }).taskId === taskId,
  );
  const code = result ? result.resultCode : (response.treatMissingKeysAs ?? 'PermanentFailure');
  const message = result && typeof result.resultString === 'string' ? result.resultString : '';
  if (typeof code !== 'string' || !RESULT_CODES.has(code)) {
    return {
      ok: false,
      http,
      code: 'PermanentFailure',
      message: `Invalid resultCode returned in Lambda payload: ${String(code)}`,
    };
  }
  if (code === 'Succeeded') return { ok: true, http, message };
  if (code === 'TemporaryFailure') return { temporary: message };
  return { ok: false, http, code, message };
}

export const lambdaInvoke: OperationModule<'LambdaInvoke'> = {
  name: 'LambdaInvoke',
  check(params) {
    const arn = params.FunctionArn;
    if (arn === undefined || arn === '')
      throw new JobError(
        'BadRequestException',
        'Operation.LambdaInvoke.FunctionArn: a function ARN is required',
      );
    if (arn.length > 1024 || !FUNCTION_ARN.test(arn)) {
      throw new JobError(
        'BadRequestException',
        `Operation.LambdaInvoke.FunctionArn: ${arn} is not a Lambda function ARN`,
      );
    }
    const version = params.InvocationSchemaVersion ?? '1.0';
    if (version !== '1.0' && version !== '2.0') {
      throw new JobError(
        'BadRequestException',
        `Operation.LambdaInvoke.InvocationSchemaVersion: ${version} is not a schema version (1.0 or 2.0)`,
      );
    }
    const args = params.UserArguments;
    if (args !== undefined) {
      const entries = Object.entries(args);
      if (version !== '2.0') {
        throw new JobError(
          'BadRequestException',
          'Operation.LambdaInvoke.UserArguments: UserArguments need InvocationSchemaVersion 2.0',
        );
      }
      if (entries.length < 1 || entries.length > 10) {
        throw new JobError(
          'BadRequestException',
          'Operation.LambdaInvoke.UserArguments: between 1 and 10 entries',
        );
      }
      for (const [k, v] of entries) {
        if (k.length < 1 || k.length > 64)
          throw new JobError(
            'BadRequestException',
            `Operation.LambdaInvoke.UserArguments: key ${k} must be 1 to 64 characters`,
          );
        if ((v ?? '').length > 1024)
          throw new JobError(
            'BadRequestException',
            `Operation.LambdaInvoke.UserArguments: the value of ${k} is longer than 1024 characters`,
          );
      }
    }
  },
  async run(task, params, ctx) {
    const version = params.InvocationSchemaVersion ?? '1.0';
    const functionArn = params.FunctionArn ?? '';
    const invocationId = opaqueId();
    const taskId = opaqueId();
    const args = params.UserArguments as Record<string, string> | undefined;
    const payload = Buffer.from(
      JSON.stringify(invocationEvent(version, invocationId, taskId, task, ctx, args)),
    );
    // TemporaryFailure is redriven before the job ends; only the last answer's message is reported.
    for (let redrive = 0; ; redrive++) {
      const outcome = await attempt(ctx, functionArn, payload, taskId);
      if (!('temporary' in outcome)) return outcome;
      const delay = TEMPORARY_FAILURE_DELAYS_MS[redrive];
      if (delay === undefined)
        return { ok: false, http: 200, code: 'TemporaryFailure', message: outcome.temporary };
      await new Promise((ok) => setTimeout(ok, delay));
    }
  },
};
