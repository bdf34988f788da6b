import { ServiceError } from '../errors/service-error.js';
import { el, opt, type XmlValue } from '../xml/xml-writer.js';
import {
  acct,
  type IamAction,
  type IamServices,
  type QueryRequest,
  withoutResult,
} from './iam-action-types.js';
import type { AccessKeyRow, RoleRow, UserRow } from './iam-store.js';
import { checkName, name, pagedList, path, required, validation } from './query-params.js';
import { simulatePrincipalPolicy } from './simulate-principal-policy.js';

// The IAM actions local-aws serves: each one's resource (for the caller's policies) and handler.

const MAX_INLINE_POLICY = { role: 10_240, user: 2_048 } as const;

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
        return pagedList(
          req.params,
          'PolicyNames',
          svc.store.listPolicies(acct(req), kind, principalName).map((p) => p.name),
          (n) => n,
        );
      },
    },
    [`Delete${Kind}Policy`]: {
      resource,
      handle: withoutResult((req, svc) =>
        svc.store.deletePolicy(
          acct(req),
          kind,
          name(req.params, principalParam, principalMember),
          name(req.params, 'PolicyName', 'policyName', 128),
        ),
      ),
    },
  };
};

export const IAM_ACTIONS: Record<string, IamAction> = {
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
    handle: (req, svc) =>
      pagedList(req.params, 'Roles', svc.store.listRoles(acct(req), path(req.params, 'PathPrefix')), (r) =>
        roleXml(r),
      ),
  },
  DeleteRole: {
    resource: roleArnOf,
    handle: withoutResult((req, svc) =>
      svc.store.deleteRole(acct(req), name(req.params, 'RoleName', 'roleName')),
    ),
  },
  UpdateAssumeRolePolicy: {
    resource: roleArnOf,
    handle: withoutResult((req, svc) =>
      svc.store.updateTrustPolicy(
        acct(req),
        name(req.params, 'RoleName', 'roleName'),
        required(req.params, 'PolicyDocument', 'policyDocument'),
      ),
    ),
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
    handle: (req, svc) =>
      pagedList(req.params, 'Users', svc.store.listUsers(acct(req), path(req.params, 'PathPrefix')), userXml),
  },
  DeleteUser: {
    resource: userArnOf,
    handle: withoutResult((req, svc) =>
      svc.store.deleteUser(acct(req), name(req.params, 'UserName', 'userName')),
    ),
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
      return pagedList(req.params, 'AccessKeyMetadata', svc.store.listAccessKeys(acct(req), userName), (k) =>
        accessKeyXml(k, false),
      );
    },
  },
  DeleteAccessKey: {
    resource: userArnOf,
    handle: withoutResult((req, svc) =>
      svc.store.deleteAccessKey(
        acct(req),
        userNameOf(req),
        required(req.params, 'AccessKeyId', 'accessKeyId'),
      ),
    ),
  },
  SimulatePrincipalPolicy: {
    resource: (req) => req.params.get('PolicySourceArn') ?? '*',
    handle: simulatePrincipalPolicy,
  },
};
