import { randomUUID } from 'node:crypto';
import { type HandlerResult, header, type RequestContext } from '../http/handler-types.js';
import { readLambdaBody } from './create-function-body.js';
import { lookup } from './function-ref.js';
import { badContent, validation } from './lambda-responses.js';
import type { LambdaService } from './lambda-service.js';

/** Largest Invoke payload (6 MB). */
const MAX_INVOKE_PAYLOAD = 6_291_456;

/** Invoke: RequestResponse, Event (in the background) or DryRun. */
export async function invoke(
  ctx: RequestContext,
  lambda: LambdaService,
  raw: string,
): Promise<HandlerResult> {
  const fn = lookup(ctx, lambda, raw, 'lambda:InvokeFunction');
  const type = header(ctx, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun')
    throw validation(
      type,
      'invocationType',
      'Member must satisfy enum value set: [Event, RequestResponse, DryRun]',
    );
  const logType = header(ctx, 'x-amz-log-type') ?? 'None';
  if (logType !== 'None' && logType !== 'Tail')
    throw validation(logType, 'logType', 'Member must satisfy enum value set: [None, Tail]');
  const payload = await readLambdaBody(ctx, MAX_INVOKE_PAYLOAD, 'RequestTooLargeException', 'InvokeFunction');
  const event = payload.length === 0 ? '{}' : payload.toString('utf8');
  try {
    JSON.parse(event);
  } catch (e) {
    throw badContent(`Could not parse request body into json: ${(e as Error).message}`);
  }
  let clientContext: unknown;
  const cc = header(ctx, 'x-amz-client-context');
  if (cc !== undefined) {
    try {
      clientContext = JSON.parse(Buffer.from(cc, 'base64').toString('utf8'));
    } catch {
      throw badContent('Client context must be a valid Base64-encoded JSON object.');
    }
  }
  const requestId = randomUUID();
  const common = { 'x-amzn-requestid': requestId };
  if (type === 'DryRun') return { status: 204, headers: common };
  if (type === 'Event') {
    // Run in the background; the caller only learns it was queued, as from Lambda.
    lambda.invoke(fn, event, requestId, clientContext).catch(() => {});
    return { status: 202, headers: common };
  }
  const outcome = await lambda.invoke(fn, event, requestId, clientContext);
  return {
    status: 200,
    headers: {
      'content-type': 'application/json',
      ...common,
      'x-amz-executed-version': '$LATEST',
      ...(outcome.functionError ? { 'x-amz-function-error': outcome.functionError } : {}),
      ...(logType === 'Tail'
        ? { 'x-amz-log-result': Buffer.from(outcome.log.slice(-4096)).toString('base64') }
        : {}),
    },
    body: outcome.payload,
  };
}
