import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, header, type RequestContext } from '../http/handler-types.js';
import { decodeComponent, queryValue } from '../http/request-target.js';
import type { Permission } from '../iam/authorizer.js';
import { readCreateFunctionBody, readLambdaBody } from './create-function-body.js';
import { LAMBDA_SERVICE_PRINCIPAL } from './function-roles.js';
import type { StoredFunction } from './function-store.js';
import { functionArn, type LambdaService } from './lambda-service.js';
import { ZipError } from './zip-extract.js';

/** The REST-JSON paths of the Lambda API (API version 2015-03-31). */
export const LAMBDA_PREFIX = '/2015-03-31/';

/** Runtimes local-aws runs (with the Node.js it runs on). */
export const RUNTIMES = ['nodejs20.x', 'nodejs22.x'] as const;
/** Largest CreateFunction request (a 50 MB zip, base64 in JSON) and Invoke payload (6 MB). */
const MAX_CREATE_BODY = 70_167_211;
const MAX_INVOKE_PAYLOAD = 6_291_456;

const NAME =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
const RESERVED_ENV = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

function notFound(arn: string): ServiceError {
  return new ServiceError(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
}
function invalid(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValueException', message);
}
/** A constraint of the model broken, as Lambda's front end reports it. */
function validation(value: unknown, member: string, constraint: string): ServiceError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new ServiceError(
    400,
    'ValidationException',
    `1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): HandlerResult {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Lambda's timestamp format: `2024-05-01T12:00:00.000+0000`. */
function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The FunctionConfiguration shape of a stored function. */
export function functionConfiguration(fn: StoredFunction, sha256: string) {
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(fn),
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lastModified(fn.lastModified),
    CodeSha256: sha256,
    Version: '$LATEST',
    ...(fn.environment ? { Environment: { Variables: fn.environment } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

interface FunctionRef {
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  readonly qualifier: string | undefined;
}

/**
 * Every Lambda call of an IAM user or role session is authorized as S3's are (decision 0022): the
 * action on the function's ARN (or `*`), refused in Lambda's shape with AWS's wording.
 */
function authorize(ctx: RequestContext, lambda: LambdaService, permissions: readonly Permission[]): void {
  try {
    lambda.authorizer.check(ctx.identity.principal, permissions);
  } catch (e) {
    if (e instanceof ServiceError && e.code === 'AccessDenied')
      throw new ServiceError(403, 'AccessDeniedException', e.message);
    throw e;
  }
}

/** A FunctionName path member: a name, a partial ARN (`123456789012:function:f`) or a full ARN. */
function functionRef(ctx: RequestContext, raw: string, action: string): FunctionRef {
  if (raw.length < 1 || raw.length > 170 || !NAME.test(raw))
    throw validation(raw, 'functionName', `Member must satisfy regular expression pattern: ${NAME.source}`);
  const m = raw.match(NAME) as RegExpMatchArray;
  const name = m[7] as string;
  if (name.length > 64)
    throw validation(raw, 'functionName', 'Member must have length less than or equal to 64');
  const region = m[3]?.slice(0, -1) ?? ctx.identity.region;
  const accountId = m[5]?.slice(0, -1) ?? ctx.identity.accountId;
  if (accountId !== ctx.identity.accountId) {
    throw new ServiceError(
      403,
      'AccessDeniedException',
      `User: ${ctx.identity.principal.arn} is not authorized to perform: ${action} on resource: arn:aws:lambda:${region}:${accountId}:function:${name} because no resource-based policy allows the ${action} action`,
    );
  }
  if (region !== ctx.identity.region) {
    throw invalid(
      `Region ${region} in the function ARN does not match the Region of the request (${ctx.identity.region}).`,
    );
  }
  return { accountId, region, name, qualifier: m[9] };
}

/** The function a path names, once the caller may do `action` to it (a qualified ARN is its own resource). */
function lookup(ctx: RequestContext, lambda: LambdaService, raw: string, action: string): StoredFunction {
  const ref = functionRef(ctx, raw, action);
  const qualifier = queryValue(ctx.target, 'Qualifier') ?? ref.qualifier;
  const arn = functionArn(ref);
  authorize(ctx, lambda, [{ action, resource: qualifier === undefined ? arn : `${arn}:${qualifier}` }]);
  const fn = lambda.store.get(ref.accountId, ref.region, ref.name);
  if (qualifier !== undefined && qualifier !== '$LATEST') throw notFound(`${arn}:${qualifier}`);
  if (!fn) throw notFound(arn);
  return fn;
}

function optionalInt(
  body: Record<string, unknown>,
  key: string,
  member: string,
  min: number,
  max: number,
  dflt: number,
): number {
  const v = body[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${key} must be an integer`,
    );
  if (v < min) throw validation(v, member, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw validation(v, member, `Member must have value less than or equal to ${max}`);
  return v;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${key} must be a string`,
    );
  return v;
}

function environmentOf(body: Record<string, unknown>): Record<string, string> | null {
  const env = body.Environment;
  if (env === undefined || env === null) return null;
  const vars = (env as { Variables?: unknown }).Variables;
  if (vars === undefined || vars === null) return null;
  if (typeof vars !== 'object' || Array.isArray(vars))
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      'Could not parse request body into json: Environment.Variables must be a map',
    );
  const out: Record<string, string> = {};
  const reserved: string[] = [];
  for (const [k, v] of Object.entries(vars as Record<string, unknown>)) {
    if (!ENV_KEY.test(k))
      throw validation(
        k,
        'environment.variables',
        `Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ${ENV_KEY.source}]`,
      );
    if (typeof v !== 'string')
      throw new ServiceError(
        400,
        'InvalidRequestContentException',
        `Could not parse request body into json: the value of ${k} must be a string`,
      );
    if (RESERVED_ENV.has(k)) reserved.push(k);
    out[k] = v;
  }
  if (reserved.length > 0) {
    throw invalid(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(out)) > 4096) {
    throw invalid(
      'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.',
    );
  }
  return out;
}

async function createFunction(ctx: RequestContext, lambda: LambdaService): Promise<HandlerResult> {
  const { body, zip: decoded } = await readCreateFunctionBody(ctx, MAX_CREATE_BODY);
  const name = optionalString(body, 'FunctionName');
  if (name === undefined) throw validation('null', 'functionName', 'Member must not be null');
  const ref = functionRef(ctx, name, 'lambda:CreateFunction');
  if (ref.qualifier !== undefined)
    throw invalid('Unsupported FunctionName: a qualifier cannot be given at creation.');
  const role = optionalString(body, 'Role');
  if (role === undefined) throw validation('null', 'role', 'Member must not be null');
  if (!ROLE.test(role))
    throw validation(role, 'role', `Member must satisfy regular expression pattern: ${ROLE.source}`);
  // Giving a function a role is passing it to Lambda: iam:PassRole on it, as on AWS.
  authorize(ctx, lambda, [
    { action: 'lambda:CreateFunction', resource: functionArn(ref) },
    { action: 'iam:PassRole', resource: role, context: { 'iam:PassedToService': LAMBDA_SERVICE_PRINCIPAL } },
  ]);
  const packageType = optionalString(body, 'PackageType') ?? 'Zip';
  if (packageType !== 'Zip')
    throw invalid('local-aws runs Zip packages only (PackageType Image is not emulated).');
  const runtime = optionalString(body, 'Runtime');
  if (runtime === undefined)
    throw invalid(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  if (!(RUNTIMES as readonly string[]).includes(runtime))
    throw invalid(
      `The runtime parameter of ${runtime} is not supported by local-aws (it runs ${RUNTIMES.join(', ')}).`,
    );
  const handler = optionalString(body, 'Handler');
  if (handler === undefined)
    throw invalid(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  if (handler.length > 128 || !/^[^\s]+$/.test(handler))
    throw validation(handler, 'handler', 'Member must satisfy regular expression pattern: [^\\s]+');
  const description = optionalString(body, 'Description') ?? '';
  if (description.length > 256)
    throw validation(description, 'description', 'Member must have length less than or equal to 256');
  const timeout = optionalInt(body, 'Timeout', 'timeout', 1, 900, 3);
  const memorySize = optionalInt(body, 'MemorySize', 'memorySize', 128, 10240, 128);
  const environment = environmentOf(body);
  const code = body.Code as { ZipFile?: unknown; S3Bucket?: unknown; ImageUri?: unknown } | undefined;
  if (code === undefined || code === null) throw validation('null', 'code', 'Member must not be null');
  if (typeof code.ZipFile !== 'string') {
    throw invalid(
      code.S3Bucket !== undefined || code.ImageUri !== undefined
        ? 'local-aws takes function code as Code.ZipFile only (S3Bucket/S3Key and ImageUri are not emulated).'
        : 'Please provide a source for function code.',
    );
  }
  const zip = decoded ?? Buffer.alloc(0);
  if (zip.length > 52_428_800)
    throw new ServiceError(
      413,
      'RequestEntityTooLargeException',
      'Zipped file size must be smaller than 52428800 bytes',
    );
  let saved: { hash: string; sha256Base64: string };
  try {
    saved = await lambda.store.saveCode(zip);
  } catch (e) {
    if (e instanceof ZipError)
      throw invalid(
        `Could not unzip uploaded file. Please check your file, then try to upload again. (${e.message})`,
      );
    throw e;
  }
  const fn: StoredFunction = {
    accountId: ref.accountId,
    region: ref.region,
    name: ref.name,
    runtime,
    role,
    handler,
    description,
    timeout,
    memorySize,
    environment,
    codeHash: saved.hash,
    codeSize: zip.length,
    lastModified: Date.now(),
    revisionId: randomUUID(),
  };
  if (!lambda.store.create(fn))
    throw new ServiceError(409, 'ResourceConflictException', `Function already exist: ${ref.name}`);
  return json(functionConfiguration(fn, saved.sha256Base64), 201);
}

function sha256Of(fn: StoredFunction): string {
  return Buffer.from(fn.codeHash, 'hex').toString('base64');
}

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

async function invoke(ctx: RequestContext, lambda: LambdaService, raw: string): Promise<HandlerResult> {
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
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(e as Error).message}`,
    );
  }
  let clientContext: unknown;
  const cc = header(ctx, 'x-amz-client-context');
  if (cc !== undefined) {
    try {
      clientContext = JSON.parse(Buffer.from(cc, 'base64').toString('utf8'));
    } catch {
      throw new ServiceError(
        400,
        'InvalidRequestContentException',
        'Client context must be a valid Base64-encoded JSON object.',
      );
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

type Route = {
  readonly method: string;
  readonly path: RegExp;
  readonly handle: (
    ctx: RequestContext,
    lambda: LambdaService,
    name: string,
  ) => HandlerResult | Promise<HandlerResult>;
};

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
  const path = ctx.target.rawPath.replace(/\/+$/, '');
  const route = routes.find((r) => r.method === ctx.method && r.path.test(path));
  if (!route) {
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws does not implement the Lambda operation at ${ctx.method} ${ctx.target.rawPath}.`,
    );
  }
  const name = decodeComponent(path.match(route.path)?.[1] ?? '');
  return route.handle(ctx, lambda, name);
}
