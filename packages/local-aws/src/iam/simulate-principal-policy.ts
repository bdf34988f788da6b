import { ServiceError } from '../errors/service-error.js';
import { callerOfArn, combinedDecision, resourcePolicyEvaluation } from '../s3/bucket-policy-access.js';
import { el, type XmlValue } from '../xml/xml-writer.js';
import { acct, type IamServices, type QueryRequest } from './iam-action-types.js';
import { parsePolicy } from './policy-document.js';
import { contextOf, type Evaluation, evaluate, type NamedPolicy } from './policy-evaluation.js';
import { contextEntries, members, required, validation } from './query-params.js';

/**
 * The ResourcePolicy of a simulation, and its owner (ResourceOwner, an account's root ARN; the
 * caller's account without it): each resource is simulated as if it had that policy attached.
 */
function resourcePolicyOf(params: URLSearchParams, callerAccount: string) {
  const text = params.get('ResourcePolicy');
  const ownerArn = params.get('ResourceOwner');
  const owner = ownerArn === null ? callerAccount : ownerArn.match(/^arn:aws:iam::(\d{12}):root$/)?.[1];
  if (owner === undefined)
    throw new ServiceError(
      400,
      'InvalidInput',
      `Invalid ResourceOwner: ${ownerArn}; an account's root ARN is expected.`,
    );
  return text === null ? undefined : { document: parsePolicy(text, 'resource'), owner };
}

/** SimulatePrincipalPolicy: each action × resource evaluated against the principal's policies. */
export function simulatePrincipalPolicy(req: QueryRequest, svc: IamServices): XmlValue[] {
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
  const resourcePolicy = resourcePolicyOf(req.params, acct(req));
  const caller = callerOfArn(acct(req), source);
  const results: XmlValue[] = [];
  for (const action of actions) {
    for (const resource of resources.length > 0 ? resources : ['*']) {
      const identity = evaluate(policies, { action, resource, context });
      const r = resourcePolicy
        ? withResourcePolicy(
            identity,
            resourcePolicyEvaluation(
              resourcePolicy.document,
              resourcePolicy.owner,
              { caller, action, resource, context: Object.fromEntries(context) },
              'ResourcePolicy',
            ),
            resourcePolicy.owner === acct(req),
          )
        : identity;
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

/** One result from the identity policies' and the resource policy's evaluations (decision 0032). */
function withResourcePolicy(identity: Evaluation, resource: Evaluation, sameAccount: boolean): Evaluation {
  const decision = combinedDecision(identity.decision, resource.decision, sameAccount);
  const deciding = (e: Evaluation) => (e.decision === decision ? e.matched : []);
  return {
    decision,
    matched: [...deciding(identity), ...deciding(resource)],
    missingContextValues: [...new Set([...identity.missingContextValues, ...resource.missingContextValues])],
  };
}
