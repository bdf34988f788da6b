import type { XmlValue } from '../xml/xml-writer.js';
import type { Authorizer } from './authorizer.js';
import type { IamStore } from './iam-store.js';
import type { Principal } from './principal.js';

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

export type Handler = (req: QueryRequest, svc: IamServices) => XmlValue[] | null;

/** The IAM action's resource for the identity-based check, and the action's handler. */
export interface IamAction {
  readonly resource: (req: QueryRequest, svc: IamServices) => string;
  readonly handle: Handler;
}

export const acct = (req: QueryRequest) => req.principal.accountId;

/** An action whose answer has no result element (deletes, updates): run it, answer empty. */
export const withoutResult =
  (run: (req: QueryRequest, svc: IamServices) => void): Handler =>
  (req, svc) => {
    run(req, svc);
    return null;
  };
