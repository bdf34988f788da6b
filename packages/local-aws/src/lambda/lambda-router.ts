import { readFile } from 'node:fs/promises';
import { ServiceError } from '../errors/service-error.js';
import type { HandlerResult, RequestContext } from '../http/handler-types.js';
import { matchPathRoute, type PathRoute } from '../http/path-routes.js';
import { queryValue } from '../http/request-target.js';
import { createFunction } from './create-function.js';
import { functionConfiguration, sha256Of } from './function-configuration.js';
import { authorize, lookup } from './function-ref.js';
import { invoke } from './invoke.js';
import { invalid, json, validation } from './lambda-responses.js';
import type { LambdaService } from './lambda-service.js';

/** The REST-JSON paths of the Lambda API (API version 2015-03-31). */
export const LAMBDA_PREFIX = '/2015-03-31/';

function getFunction(ctx: RequestContext, lambda: LambdaService, raw: string): HandlerResult {
  const fn = lookup(ctx, lambda, raw, 'lambda:GetFunction');
  return json({
    Configuration: functionConfiguration(fn, sha256Of(fn)),
    // AWS presigns an S3 URL; here the zip is served at this endpoint to a signed request.
    Code: {
      RepositoryType: 'S3',
      Location: `${lambda.endpointUrl()}${LAMBDA_PREFIX}functions/${fn.name}/code`,
    },
  });
}

/** The zip of a function as uploaded (local-aws's stand-in for GetFunction's presigned Location). */
async function getFunctionCode(
  ctx: RequestContext,
  lambda: LambdaService,
  raw: string,
): Promise<HandlerResult> {
  const fn = lookup(ctx, lambda, raw, 'lambda:GetFunction');
  const zip = await readFile(lambda.store.zipPath(fn.codeHash));
  return { status: 200, headers: { 'content-type': 'application/zip' }, body: zip };
}

function getFunctionConfiguration(ctx: RequestContext, lambda: LambdaService, raw: string): HandlerResult {
  const fn = lookup(ctx, lambda, raw, 'lambda:GetFunctionConfiguration');
  return json(functionConfiguration(fn, sha256Of(fn)));
}

function listFunctions(ctx: RequestContext, lambda: LambdaService): HandlerResult {
  authorize(ctx, lambda, [{ action: 'lambda:ListFunctions', resource: '*' }]);
  const marker = queryValue(ctx.target, 'Marker');
  const maxRaw = queryValue(ctx.target, 'MaxItems');
  let max = 50;
  if (maxRaw !== undefined) {
    if (!/^\d+$/.test(maxRaw)) throw invalid(`Invalid value for MaxItems: ${maxRaw}`);
    max = Number(maxRaw);
    if (max < 1) throw validation(maxRaw, 'maxItems', 'Member must have value greater than or equal to 1');
    if (max > 10000)
      throw validation(maxRaw, 'maxItems', 'Member must have value less than or equal to 10000');
  }
  let after = '';
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    if (!decoded.startsWith('v1:'))
      throw invalid('Invalid Marker: it does not come from a ListFunctions answer.');
    after = decoded.slice(3);
  }
  const page = lambda.store.list(ctx.identity.accountId, ctx.identity.region, after, max + 1);
  const more = page.length > max;
  const items = page.slice(0, max);
  const last = items.at(-1);
  return json({
    Functions: items.map((fn) => functionConfiguration(fn, sha256Of(fn))),
    ...(more && last ? { NextMarker: Buffer.from(`v1:${last.name}`).toString('base64url') } : {}),
  });
}

function deleteFunction(ctx: RequestContext, lambda: LambdaService, raw: string): HandlerResult {
  const fn = lookup(ctx, lambda, raw, 'lambda:DeleteFunction');
  lambda.forget(fn);
  lambda.store.delete(fn);
  return { status: 204, headers: {} };
}

type Route = PathRoute<RequestContext, LambdaService>;

const routes: readonly Route[] = [
  { method: 'POST', path: /^\/2015-03-31\/functions$/, handle: (ctx, l) => createFunction(ctx, l) },
  { method: 'GET', path: /^\/2015-03-31\/functions$/, handle: (ctx, l) => listFunctions(ctx, l) },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)$/, handle: getFunction },
  { method: 'DELETE', path: /^\/2015-03-31\/functions\/([^/]+)$/, handle: deleteFunction },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)\/code$/, handle: getFunctionCode },
  {
    method: 'GET',
    path: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/,
    handle: getFunctionConfiguration,
  },
  { method: 'POST', path: /^\/2015-03-31\/functions\/([^/]+)\/invocations$/, handle: invoke },
];

/** The Lambda operations local-aws serves; any other Lambda request is a JSON 501. */
export async function routeLambda(ctx: RequestContext, lambda: LambdaService): Promise<HandlerResult> {
  if (ctx.identity.service !== 'lambda') {
    throw new ServiceError(
      403,
      'InvalidSignatureException',
      `Credential should be scoped to correct service: 'lambda'.`,
    );
  }
  const match = matchPathRoute(routes, ctx.method, ctx.target.rawPath);
  if (typeof match === 'string') {
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws does not implement the Lambda operation at ${ctx.method} ${ctx.target.rawPath}.`,
    );
  }
  return match.route.handle(ctx, lambda, match.id);
}
