import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors/service-error.js';
import type { HandlerResult, RequestContext } from '../http/handler-types.js';
import { readCreateFunctionBody } from './create-function-body.js';
import { functionConfiguration } from './function-configuration.js';
import { authorize, functionRef } from './function-ref.js';
import { LAMBDA_SERVICE_PRINCIPAL } from './function-roles.js';
import type { StoredFunction } from './function-store.js';
import { badContent, invalid, json, validation } from './lambda-responses.js';
import { functionArn, type LambdaService } from './lambda-service.js';
import { ZipError } from './zip-extract.js';

/** Runtimes local-aws runs (with the Node.js it runs on). */
export const RUNTIMES = ['nodejs20.x', 'nodejs22.x'] as const;
/** Largest CreateFunction request (a 50 MB zip, base64 in JSON). */
const MAX_CREATE_BODY = 70_167_211;

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
    throw badContent(`Could not parse request body into json: ${key} must be an integer`);
  if (v < min) throw validation(v, member, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw validation(v, member, `Member must have value less than or equal to ${max}`);
  return v;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw badContent(`Could not parse request body into json: ${key} must be a string`);
  return v;
}

function environmentOf(body: Record<string, unknown>): Record<string, string> | null {
  const env = body.Environment;
  if (env === undefined || env === null) return null;
  const vars = (env as { Variables?: unknown }).Variables;
  if (vars === undefined || vars === null) return null;
  if (typeof vars !== 'object' || Array.isArray(vars))
    throw badContent('Could not parse request body into json: Environment.Variables must be a map');
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
      throw badContent(`Could not parse request body into json: the value of ${k} must be a string`);
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

export async function createFunction(ctx: RequestContext, lambda: LambdaService): Promise<HandlerResult> {
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
