import { ServiceError } from '../errors/service-error.js';

// IAM JSON policy documents: parsed once when stored, checked the way IAM refuses them
// (MalformedPolicyDocument, 400), with each statement's place in the text for SimulatePrincipalPolicy.

export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Statement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  /** Trust and resource (bucket) policies only: `Service` / `AWS` / `CanonicalUser` principals. */
  readonly principal?: PrincipalBlock;
  /** Resource policies only: everyone but these. */
  readonly notPrincipal?: PrincipalBlock;
  readonly condition: ConditionBlock;
  /** 1-based line and column where the statement's object starts and ends in the text. */
  readonly start: { line: number; column: number };
  readonly end: { line: number; column: number };
}

export type PrincipalBlock = Readonly<Record<string, readonly string[]>> | '*';

/** Identity policies name no principal; trust and resource (bucket) policies must. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface PolicyDocument {
  readonly text: string;
  readonly statements: readonly Statement[];
}

const malformed = (message: string) => new ServiceError(400, 'MalformedPolicyDocument', message);

const strings = (v: unknown, what: string): string[] => {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || !list.every((x) => typeof x === 'string'))
    throw malformed(`${what} must be a string or an array of strings`);
  return list as string[];
};

// Condition values may be strings, numbers or booleans; IAM compares their text.
const conditionValues = (v: unknown): string[] => {
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => ['string', 'number', 'boolean'].includes(typeof x)))
    throw malformed('Condition values must be strings, numbers or booleans');
  return list.map(String);
};

/** Character offsets [start, end) of each top-level element of the `Statement` member. */
function statementSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let i = 0;
  let statementDepth = -1;
  let elementStart = -1;
  let lastKey = '';
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = text.slice(i + 1, j);
      // A string at depth 1 followed by ':' is a top-level key.
      let k = j + 1;
      while (k < n && /\s/.test(text[k] as string)) k++;
      if (depth === 1 && text[k] === ':') lastKey = str;
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 1 && lastKey === 'Statement') {
        statementDepth = c === '[' ? 2 : 1;
        if (c === '{') elementStart = i;
        lastKey = '';
      } else if (depth === statementDepth && statementDepth === 2 && c === '{') {
        elementStart = i;
      }
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (elementStart >= 0 && depth === statementDepth && c === '}') {
        spans.push([elementStart, i + 1]);
        elementStart = -1;
        if (statementDepth === 1) statementDepth = -1;
      }
      if (statementDepth === 2 && depth === 1 && c === ']') statementDepth = -1;
    }
    i++;
  }
  return spans;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function principalBlock(v: unknown): PrincipalBlock {
  if (v === '*') return '*';
  if (typeof v === 'object' && v !== null && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, list]) => [k, strings(list, 'Principal')]));
  throw malformed('Invalid principal in policy.');
}

/**
 * Parse a policy document (identity policy; trust policy with `trust`; a bucket's with `resource`).
 * Refuses what IAM refuses: bad JSON, no Statement, an Effect other than Allow/Deny, a statement
 * without Action/NotAction (or Resource/NotResource outside trust policies), both of a pair.
 */
export function parsePolicy(text: string, kind: PolicyKind = 'identity'): PolicyDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformed('Syntax errors in policy.');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw malformed('Syntax errors in policy.');
  const root = doc as Record<string, unknown>;
  if (root.Version !== undefined && root.Version !== '2012-10-17' && root.Version !== '2008-10-17')
    throw malformed('The policy must contain a valid version string');
  const raw = root.Statement;
  if (raw === undefined) throw malformed('Policy document must contain a Statement.');
  const list = Array.isArray(raw) ? raw : [raw];
  const spans = statementSpans(text);
  const statements = list.map((s, index): Statement => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw malformed('Syntax errors in policy.');
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny')
      throw malformed('Invalid effect: must be Allow or Deny.');
    if ((st.Action === undefined) === (st.NotAction === undefined))
      throw malformed('Policy statement must contain exactly one of Action or NotAction.');
    if (kind !== 'trust' && (st.Resource === undefined) === (st.NotResource === undefined))
      throw malformed('Policy statement must contain resources.');
    if (kind === 'identity' && (st.Principal !== undefined || st.NotPrincipal !== undefined))
      throw malformed('Policy document should not specify a principal.');
    if (kind === 'trust' && st.Principal === undefined)
      throw malformed('Trust policy statement must contain a Principal.');
    if (kind === 'resource' && (st.Principal === undefined) === (st.NotPrincipal === undefined))
      throw malformed('Missing required field Principal');
    const condition: Record<string, Record<string, string[]>> = {};
    if (st.Condition !== undefined) {
      if (typeof st.Condition !== 'object' || st.Condition === null || Array.isArray(st.Condition))
        throw malformed('Syntax errors in policy.');
      for (const [op, block] of Object.entries(st.Condition)) {
        if (typeof block !== 'object' || block === null || Array.isArray(block))
          throw malformed('Syntax errors in policy.');
        if (!knownOperator(op)) throw malformed(`Invalid Condition type : ${op}.`);
        condition[op] = Object.fromEntries(
          Object.entries(block as Record<string, unknown>).map(([k, v]) => [k, conditionValues(v)]),
        );
      }
    }
    const span = spans[index] ?? [0, text.length];
    return {
      ...(typeof st.Sid === 'string' ? { sid: st.Sid } : {}),
      effect: st.Effect,
      ...(st.Action !== undefined ? { action: strings(st.Action, 'Action') } : {}),
      ...(st.NotAction !== undefined ? { notAction: strings(st.NotAction, 'NotAction') } : {}),
      ...(st.Resource !== undefined ? { resource: strings(st.Resource, 'Resource') } : {}),
      ...(st.NotResource !== undefined ? { notResource: strings(st.NotResource, 'NotResource') } : {}),
      ...(st.Principal !== undefined ? { principal: principalBlock(st.Principal) } : {}),
      ...(st.NotPrincipal !== undefined ? { notPrincipal: principalBlock(st.NotPrincipal) } : {}),
      condition,
      start: position(text, span[0]),
      end: position(text, span[1]),
    };
  });
  return { text, statements };
}

const BASE_OPERATORS = new Set(
  [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'Bool',
    'ArnEquals',
    'ArnLike',
    'ArnNotEquals',
    'ArnNotLike',
    'IpAddress',
    'NotIpAddress',
    'BinaryEquals',
    'Null',
  ].map((s) => s.toLowerCase()),
);

/** `[ForAnyValue:|ForAllValues:]Operator[IfExists]`, names compared without case as IAM does. */
export function splitOperator(op: string): {
  qualifier: 'any' | 'all' | undefined;
  base: string;
  ifExists: boolean;
} {
  let rest = op;
  let qualifier: 'any' | 'all' | undefined;
  const lower = rest.toLowerCase();
  if (lower.startsWith('foranyvalue:')) {
    qualifier = 'any';
    rest = rest.slice('foranyvalue:'.length);
  } else if (lower.startsWith('forallvalues:')) {
    qualifier = 'all';
    rest = rest.slice('forallvalues:'.length);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists') && rest.toLowerCase() !== 'null') {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  return { qualifier, base: rest.toLowerCase(), ifExists };
}

function knownOperator(op: string): boolean {
  return BASE_OPERATORS.has(splitOperator(op).base);
}
