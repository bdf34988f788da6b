import { ServiceError } from '../errors/service-error.js';
import type { RequestContext } from '../http/handler-types.js';
import { queryValue } from '../http/request-target.js';
import type { Permission } from '../iam/authorizer.js';
import type { StoredFunction } from './function-store.js';
import { invalid, notFound, validation } from './lambda-responses.js';
import { functionArn, type LambdaService } from './lambda-service.js';

// Which function a request names, and whether the caller may act on it.

const NAME =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
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
export function authorize(
  ctx: RequestContext,
  lambda: LambdaService,
  permissions: readonly Permission[],
): void {
  try {
    lambda.authorizer.check(ctx.identity.principal, permissions);
  } catch (e) {
    if (e instanceof ServiceError && e.code === 'AccessDenied')
      throw new ServiceError(403, 'AccessDeniedException', e.message);
    throw e;
  }
}

/** A FunctionName path member: a name, a partial ARN (`123456789012:function:f`) or a full ARN. */
export function functionRef(ctx: RequestContext, raw: string, action: string): FunctionRef {
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
export function lookup(
  ctx: RequestContext,
  lambda: LambdaService,
  raw: string,
  action: string,
): StoredFunction {
  const ref = functionRef(ctx, raw, action);
  const qualifier = queryValue(ctx.target, 'Qualifier') ?? ref.qualifier;
  const arn = functionArn(ref);
  authorize(ctx, lambda, [{ action, resource: qualifier === undefined ? arn : `${arn}:${qualifier}` }]);
  const fn = lambda.store.get(ref.accountId, ref.region, ref.name);
  if (qualifier !== undefined && qualifier !== '$LATEST') throw notFound(`${arn}:${qualifier}`);
  if (!fn) throw notFound(arn);
  return fn;
}
