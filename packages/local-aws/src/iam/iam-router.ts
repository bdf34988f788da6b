import { IAM_XMLNS, ServiceError, STS_XMLNS } from '../errors/service-error.js';
import type { HandlerResult } from '../http/handler-types.js';
import { el, elAttrs, opt, renderXml, type XmlValue } from '../xml/xml-writer.js';
import type { Authorizer } from './authorizer.js';
import type { AccessKeyRow, IamStore, RoleRow, UserRow } from './iam-store.js';
import { parsePolicy } from './policy-document.js';
import { contextOf, evaluate, type NamedPolicy } from './policy-evaluation.js';
import type { Principal } from './principal.js';

// The IAM and STS subset of local-aws, on the Query protocol: form parameters in, XML out
// (decision 0022). Every IAM action of a non-root caller is checked against its policies first.

export interface IamServices {
  readonly store: IamStore;
  readonly authorizer: Authorizer;
  readonly now: () => Date;
}

export interface QueryRequest {
  readonly service: 'iam' | 'sts';
  readonly params: URLSearchParams;
  readonly principal: Principal;
  readonly requestId: string;
}

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\x21-\x7e]*\/)$/;
const MAX_INLINE_POLICY = { role: 10_240, user: 2_048 } as const;

const validation = (message: string) => new ServiceError(400, 'ValidationError', message);

function required(p: URLSearchParams, name: string, member: string): string {
  const v = p.get(name);
  if (v === null)
    throw validation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

function checkName(value: string, member: string, max: number): string {
  if (value.length < 1 || value.length > max)
    throw validation(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  if (!NAME.test(value))
    throw validation(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  return value;
}

const name = (p: URLSearchParams, param: string, member: string, max = 64) =>
  checkName(required(p, param, member), member, max);

function path(p: URLSearchParams, param = 'Path'): string {
  const v = p.get(param) ?? '/';
  if (v.length > 512 || !PATH.test(v))
    throw validation(
      `The specified value for ${param === 'Path' ? 'path' : 'pathPrefix'} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`,
    );
  return v;
}

/** `Name.member.1`, `Name.member.2`… in order. */
function members(p: URLSearchParams, prefix: string): string[] {
  const out: Array<[number, string]> = [];
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.member\\.(\\d+)$`);
  for (const [k, v] of p) {
    const m = k.match(re);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.M, ContextKeyType}. */
function contextEntries(p: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const indices = new Set<number>();
  for (const k of p.keys()) {
    const m = k.match(/^ContextEntries\.member\.(\d+)\./);
    if (m) indices.add(Number(m[1]));
  }
  for (const i of [...indices].sort((a, b) => a - b)) {
    const key = p.get(`ContextEntries.member.${i}.ContextKeyName`);
    if (!key) throw validation(`ContextEntries.member.${i}.ContextKeyName must be given.`);
    out[key] = members(p, `ContextEntries.member.${i}.ContextKeyValues`);
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// IAM returns policy documents URL-encoded (the AWS CLI decodes them; SDK users call decodeURIComponent).
const encodedDocument = (text: string) => encodeURIComponent(text);

function roleXml(r: RoleRow, withTrust = true): XmlValue[] {
  return [
    el('Path', r.path),
    el('RoleName', r.name),
    el('RoleId', r.id),
    el('Arn', r.arn),
    el('CreateDate', iso(r.created)),
    withTrust ? el('AssumeRolePolicyDocument', encodedDocument(r.trustPolicy)) : null,
    opt('Description', r.description),
    el('MaxSessionDuration', r.maxSessionDuration),
  ];
}

const userXml = (u: UserRow): XmlValue[] => [
  el('Path', u.path),
  el('UserName', u.name),
  el('UserId', u.id),
  el('Arn', u.arn),
  el('CreateDate', iso(u.created)),
];

const accessKeyXml = (k: AccessKeyRow, withSecret: boolean): XmlValue[] => [
  el('UserName', k.userName),
  el('AccessKeyId', k.accessKeyId),
  el('Status', k.status),
  withSecret ? el('SecretAccessKey', k.secretAccessKey) : null,
  el('CreateDate', iso(k.created)),
];

/** One page of a list by Marker (the index of the next item) and MaxItems (default 100). */
function page<T>(p: URLSearchParams, items: readonly T[]): { items: T[]; next?: string } {
  const max = Number(p.get('MaxItems') ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw validation(
      `1 validation error detected: Value '${p.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  const marker = p.get('Marker');
  let start = 0;
  if (marker !== null) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw validation('Invalid Marker.');
  }
  const slice = items.slice(start, start + max);
  const end = start + slice.length;
  return end < items.length
    ? { items: slice, next: Buffer.from(String(end)).toString('base64url') }
    : { items: slice };
}

const truncation = (next: string | undefined): XmlValue[] => [
  el('IsTruncated', next !== undefined),
  opt('Marker', next),
];

type Handler = (req: QueryRequest, svc: IamServices) => XmlValue[] | null;

/** The IAM action's resource for the identity-based check, and the action's handler. */
interface IamAction {
  readonly resource: (req: QueryRequest, svc: IamServices) => string;
  readonly handle: Handler;
}

const acct = (req: QueryRequest) => req.principal.accountId;
const roleArnOf = (req: QueryRequest, svc: IamServices) => {
  const roleName = req.params.get('RoleName') ?? '';
  return (
    svc.store.getRole(acct(req), roleName)?.arn ??
    `arn:aws:iam::${acct(req)}:role${req.params.get('Path') ?? '/'}${roleName}`
  );
};
/** The user an access-key or user call is about: UserName, else the calling user (IAM's default). */
const userNameOf = (req: QueryRequest): string => {
  const given = req.params.get('UserName');
  if (given !== null) return checkName(given, 'userName', 64);
  if (req.principal.kind === 'user') return req.principal.name;
  throw validation('Must specify userName when calling with non-User credentials');
};
const userArnOf = (req: QueryRequest, svc: IamServices) => {
  const userName = req.params.get('UserName') ?? (req.principal.kind === 'user' ? req.principal.name : '');
  return (
    svc.store.getUser(acct(req), userName)?.arn ??
    `arn:aws:iam::${acct(req)}:user${req.params.get('Path') ?? '/'}${userName}`
  );
};

function putInlinePolicy(req: QueryRequest, svc: IamServices, kind: 'role' | 'user'): null {
  const principalName =
    kind === 'role' ? name(req.params, 'RoleName', 'roleName') : name(req.params, 'UserName', 'userName');
  const policyName = name(req.params, 'PolicyName', 'policyName', 128);
  const document = required(req.params, 'PolicyDocument', 'policyDocument');
  if (Buffer.byteLength(document.replace(/\s/g, '')) > MAX_INLINE_POLICY[kind])
    throw new ServiceError(
      409,
      'LimitExceeded',
      `Maximum policy size of ${MAX_INLINE_POLICY[kind]} bytes exceeded for ${kind} ${principalName}`,
    );
  svc.store.putPolicy(acct(req), kind, principalName, policyName, document);
  return null;
}

const inlinePolicyActions = (kind: 'role' | 'user'): Record<string, IamAction> => {
  const Kind = kind === 'role' ? 'Role' : 'User';
  const principalParam = `${Kind}Name`;
  const principalMember = `${kind}Name`;
  const resource = kind === 'role' ? roleArnOf : userArnOf;
  return {
    [`Put${Kind}Policy`]: { resource, handle: (req, svc) => putInlinePolicy(req, svc, kind) },
    [`Get${Kind}Policy`]: {
      resource,
      handle: (req, svc) => {
        const principalName = name(req.params, principalParam, principalMember);
        const policyName = name(req.params, 'PolicyName', 'policyName', 128);
        const document = svc.store.getPolicy(acct(req), kind, principalName, policyName);
        return [
          el(principalParam, principalName),
          el('PolicyName', policyName),
          el('PolicyDocument', encodedDocument(document)),
        ];
      },
    },
    [`List${Kind}Policies`]: {
      resource,
      handle: (req, svc) => {
        const principalName = name(req.params, principalParam, principalMember);
        if (kind === 'role') svc.store.mustGetRole(acct(req), principalName);
        else svc.store.mustGetUser(acct(req), principalName);
        const { items, next } = page(
          req.params,
          svc.store.listPolicies(acct(req), kind, principalName).map((p) => p.name),
        );
        return [
          el(
            'PolicyNames',
            items.map((n) => el('member', n)),
          ),
          ...truncation(next),
        ];
      },
    },
    [`Delete${Kind}Policy`]: {
      resource,
      handle: (req, svc) => {
        svc.store.deletePolicy(
          acct(req),
          kind,
          name(req.params, principalParam, principalMember),
          name(req.params, 'PolicyName', 'policyName', 128),
        );
        return null;
      },
    },
  };
};

function simulatePrincipalPolicy(req: QueryRequest, svc: IamServices): XmlValue[] {
  const source = required(req.params, 'PolicySourceArn', 'policySourceArn');
  const m = source.match(/^arn:aws:iam::(\d{12}):(role|user)\/(?:.*\/)?([\w+=,.@-]+)$/);
  if (!m || m[1] !== acct(req))
    throw new ServiceError(
      400,
      'InvalidInput',
      `Invalid ARN: ${source}; a role or user of this account is expected.`,
    );
  const kind = m[2] as 'role' | 'user';
  const entityName = m[3] as string;
  if (kind === 'role') svc.store.mustGetRole(acct(req), entityName);
  else svc.store.mustGetUser(acct(req), entityName);
  const actions = members(req.params, 'ActionNames');
  if (actions.length === 0)
    throw validation(
      "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
    );
  const resources = members(req.params, 'ResourceArns');
  const extra: NamedPolicy[] = members(req.params, 'PolicyInputList').map((text, i) => ({
    id: `PolicyInputList.${i + 1}`,
    type: 'none',
    document: parsePolicy(text, 'identity'),
  }));
  const policies = [...svc.authorizer.policiesOf(kind, acct(req), entityName), ...extra];
  const context = contextOf(contextEntries(req.params));
  const results: XmlValue[] = [];
  for (const action of actions) {
    for (const resource of resources.length > 0 ? resources : ['*']) {
      const r = evaluate(policies, { action, resource, context });
      results.push(
        el(
          'member',
          el('EvalActionName', action),
          el('EvalResourceName', resource),
          el('EvalDecision', r.decision),
          el(
            'MatchedStatements',
            r.matched.map((s) =>
              el(
                'member',
                el('SourcePolicyId', s.policy.id),
                el('SourcePolicyType', s.policy.type),
                el(
                  'StartPosition',
                  el('Line', s.statement.start.line),
                  el('Column', s.statement.start.column),
                ),
                el('EndPosition', el('Line', s.statement.end.line), el('Column', s.statement.end.column)),
              ),
            ),
          ),
          el(
            'MissingContextValues',
            r.missingContextValues.map((k) => el('member', k)),
          ),
        ),
      );
    }
  }
  return [el('EvaluationResults', results), el('IsTruncated', false)];
}

const IAM_ACTIONS: Record<string, IamAction> = {
  CreateRole: {
    resource: roleArnOf,
    handle: (req, svc) => {
      const roleName = name(req.params, 'RoleName', 'roleName');
      const trust = required(req.params, 'AssumeRolePolicyDocument', 'assumeRolePolicyDocument');
      const maxSession = req.params.get('MaxSessionDuration');
      const duration = maxSession === null ? 3600 : Number(maxSession);
      if (!Number.isInteger(duration) || duration < 3600 || duration > 43_200)
        throw validation(
          `1 validation error detected: Value '${maxSession}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`,
        );
      const description = req.params.get('Description');
      const role = svc.store.createRole({
        accountId: acct(req),
        name: roleName,
        path: path(req.params),
        trustPolicy: trust,
        maxSessionDuration: duration,
        created: svc.now().getTime(),
        ...(description !== null ? { description } : {}),
      });
      return [el('Role', roleXml(role))];
    },
  },
  GetRole: {
    resource: roleArnOf,
    handle: (req, svc) => [
      el('Role', roleXml(svc.store.mustGetRole(acct(req), name(req.params, 'RoleName', 'roleName')))),
    ],
  },
  ListRoles: {
    resource: () => '*',
    handle: (req, svc) => {
      const { items, next } = page(
        req.params,
        svc.store.listRoles(acct(req), path(req.params, 'PathPrefix')),
      );
      return [
        el(
          'Roles',
          items.map((r) => el('member', roleXml(r))),
        ),
        ...truncation(next),
      ];
    },
  },
  DeleteRole: {
    resource: roleArnOf,
    handle: (req, svc) => {
      svc.store.deleteRole(acct(req), name(req.params, 'RoleName', 'roleName'));
      return null;
    },
  },
  UpdateAssumeRolePolicy: {
    resource: roleArnOf,
    handle: (req, svc) => {
      svc.store.updateTrustPolicy(
        acct(req),
        name(req.params, 'RoleName', 'roleName'),
        required(req.params, 'PolicyDocument', 'policyDocument'),
      );
      return null;
    },
  },
  ...inlinePolicyActions('role'),
  ...inlinePolicyActions('user'),
  CreateUser: {
    resource: userArnOf,
    handle: (req, svc) => {
      const user = svc.store.createUser({
        accountId: acct(req),
        name: name(req.params, 'UserName', 'userName'),
        path: path(req.params),
        created: svc.now().getTime(),
      });
      return [el('User', userXml(user))];
    },
  },
  GetUser: {
    resource: userArnOf,
    handle: (req, svc) => [el('User', userXml(svc.store.mustGetUser(acct(req), userNameOf(req))))],
  },
  ListUsers: {
    resource: () => '*',
    handle: (req, svc) => {
      const { items, next } = page(
        req.params,
        svc.store.listUsers(acct(req), path(req.params, 'PathPrefix')),
      );
      return [
        el(
          'Users',
          items.map((u) => el('member', userXml(u))),
        ),
        ...truncation(next),
      ];
    },
  },
  DeleteUser: {
    resource: userArnOf,
    handle: (req, svc) => {
      svc.store.deleteUser(acct(req), name(req.params, 'UserName', 'userName'));
      return null;
    },
  },
  CreateAccessKey: {
    resource: userArnOf,
    handle: (req, svc) => [
      el(
        'AccessKey',
        accessKeyXml(svc.store.createAccessKey(acct(req), userNameOf(req), svc.now().getTime()), true),
      ),
    ],
  },
  ListAccessKeys: {
    resource: userArnOf,
    handle: (req, svc) => {
      const userName = userNameOf(req);
      svc.store.mustGetUser(acct(req), userName);
      const { items, next } = page(req.params, svc.store.listAccessKeys(acct(req), userName));
      return [
        el(
          'AccessKeyMetadata',
          items.map((k) => el('member', accessKeyXml(k, false))),
        ),
        ...truncation(next),
      ];
    },
  },
  DeleteAccessKey: {
    resource: userArnOf,
    handle: (req, svc) => {
      svc.store.deleteAccessKey(
        acct(req),
        userNameOf(req),
        required(req.params, 'AccessKeyId', 'accessKeyId'),
      );
      return null;
    },
  },
  SimulatePrincipalPolicy: {
    resource: (req) => req.params.get('PolicySourceArn') ?? '*',
    handle: simulatePrincipalPolicy,
  },
};

/** One IAM or STS Query request, checked against the caller's policies (IAM) and answered. */
export function routeQuery(req: QueryRequest, svc: IamServices): HandlerResult {
  const action = req.params.get('Action');
  const ns = req.service === 'iam' ? IAM_XMLNS : STS_XMLNS;
  let result: XmlValue[] | null;
  if (req.service === 'sts') {
    if (action !== 'GetCallerIdentity')
      throw new ServiceError(
        400,
        'InvalidAction',
        `Could not find operation ${action ?? '(none)'} for version ${req.params.get('Version') ?? '(none)'}`,
      );
    // GetCallerIdentity needs no permission (IAM User Guide).
    const p = req.principal;
    result = [el('Arn', p.arn), el('UserId', p.id), el('Account', p.accountId)];
  } else {
    const handler = action !== null ? IAM_ACTIONS[action] : undefined;
    if (!handler || action === null)
      throw new ServiceError(
        400,
        'InvalidAction',
        `Could not find operation ${action ?? '(none)'} for version ${req.params.get('Version') ?? '(none)'}`,
      );
    svc.authorizer.check(req.principal, [{ action: `iam:${action}`, resource: handler.resource(req, svc) }]);
    result = handler.handle(req, svc);
  }
  const body = renderXml(
    elAttrs(
      `${action}Response`,
      { xmlns: ns },
      result !== null ? el(`${action}Result`, result) : null,
      el('ResponseMetadata', el('RequestId', req.requestId)),
    ),
  );
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}
