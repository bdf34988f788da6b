import { IAM_XMLNS, ServiceError, STS_XMLNS } from '../errors/service-error.js';
import type { HandlerResult } from '../http/handler-types.js';
import { el, elAttrs, renderXml, type XmlValue } from '../xml/xml-writer.js';
import type { IamServices, QueryRequest } from './iam-action-types.js';
import { IAM_ACTIONS } from './iam-actions.js';

// The IAM and STS subset of local-aws, on the Query protocol: form parameters in, XML out
// (decision 0022). Every IAM action of a non-root caller is checked against its policies first.

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
