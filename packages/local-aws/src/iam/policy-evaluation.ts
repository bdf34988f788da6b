import { type PolicyDocument, type Statement, splitOperator } from './policy-document.js';

// Policy evaluation as the IAM User Guide documents it: an explicit Deny wins, else an Allow, else
// the request is implicitly denied. Identity policies and bucket policies (with `principal`) alike.

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Request context keys (names compared without case) and their values. */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export interface EvaluationRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
  /** Resource policies: whether a statement's Principal / NotPrincipal names the caller. */
  readonly principal?: (statement: Statement) => boolean;
}

export interface NamedPolicy {
  /** SourcePolicyId in SimulatePrincipalPolicy: the inline policy's name. */
  readonly id: string;
  /** SourcePolicyType: `role`, `user` (inline policies) or `none` (PolicyInputList). */
  readonly type: string;
  readonly document: PolicyDocument;
}

export interface MatchedStatement {
  readonly policy: NamedPolicy;
  readonly statement: Statement;
}

export interface Evaluation {
  readonly decision: Decision;
  /** The statements that decided: the Deny ones when denied, else the Allow ones. */
  readonly matched: readonly MatchedStatement[];
  /** Condition keys the matching statements asked for that the context lacks. */
  readonly missingContextValues: readonly string[];
}

/** Build a context from plain entries (`s3:RequestJobTag/Department` → ['Finance']). */
export function contextOf(entries: Record<string, string | readonly string[] | undefined>): RequestContext {
  const map = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(entries)) {
    if (v === undefined) continue;
    map.set(k.toLowerCase(), typeof v === 'string' ? [v] : v);
  }
  return map;
}

/** `*` and `?` wildcards; action names compare without case, resources with it. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  if (!p.includes('*') && !p.includes('?')) return p === v;
  // Iterative glob with backtracking to the last '*': linear enough for policy-sized strings.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** A value test made once from a policy's patterns: exact ones in a set, wildcard ones as globs. */
type Matcher = (value: string) => boolean;

function compilePatterns(patterns: readonly string[], ignoreCase: boolean): Matcher {
  const norm = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const exact = new Set<string>();
  const globs: string[] = [];
  for (const p of patterns) {
    if (p.includes('*') || p.includes('?')) globs.push(norm(p));
    else exact.add(norm(p));
  }
  if (globs.includes('*')) return () => true;
  return (value) => exact.has(value) || globs.some((g) => wildcardMatch(g, value, false));
}

interface CompiledStatement {
  /** Takes the action lowercased. */
  readonly action: Matcher;
  readonly resource: Matcher;
}

// Statements are compiled on first use and kept as long as their (cached) policy document lives.
const compiled = new WeakMap<Statement, CompiledStatement>();

function compile(st: Statement): CompiledStatement {
  let c = compiled.get(st);
  if (!c) {
    const negate =
      (m: Matcher): Matcher =>
      (v) =>
        !m(v);
    c = {
      action: st.action
        ? compilePatterns(st.action, true)
        : negate(compilePatterns(st.notAction ?? [], true)),
      resource: st.resource
        ? compilePatterns(st.resource, false)
        : negate(compilePatterns(st.notResource ?? [], false)),
    };
    compiled.set(st, c);
  }
  return c;
}

const actionMatches = (st: Statement, action: string) => compile(st).action(action.toLowerCase());

const NEGATED = new Set([
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'numericnotequals',
  'datenotequals',
  'arnnotequals',
  'arnnotlike',
  'notipaddress',
]);

const date = (s: string) => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

/** One request value against one policy value under a positive base operator. */
function valueMatches(base: string, policyValue: string, value: string): boolean {
  switch (base) {
    case 'stringequals':
    case 'stringnotequals':
      return policyValue === value;
    case 'stringequalsignorecase':
    case 'stringnotequalsignorecase':
      return policyValue.toLowerCase() === value.toLowerCase();
    case 'stringlike':
    case 'stringnotlike':
      return wildcardMatch(policyValue, value, false);
    case 'arnequals':
    case 'arnnotequals':
    case 'arnlike':
    case 'arnnotlike':
      return wildcardMatch(policyValue, value, false);
    case 'bool':
      return policyValue.toLowerCase() === value.toLowerCase();
    case 'binaryequals':
      return policyValue === value;
    default: {
      const numeric = base.startsWith('numeric');
      const a = numeric ? Number(value) : date(value);
      const b = numeric ? Number(policyValue) : date(policyValue);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      const cmp = base.replace(/^(numeric|date)/, '');
      if (cmp === 'equals' || cmp === 'notequals') return a === b;
      if (cmp === 'lessthan') return a < b;
      if (cmp === 'lessthanequals') return a <= b;
      if (cmp === 'greaterthan') return a > b;
      if (cmp === 'greaterthanequals') return a >= b;
      return false;
    }
  }
}

/** One `Operator: { key: values }` entry for one key. */
function conditionHolds(
  op: string,
  key: string,
  policyValues: readonly string[],
  context: RequestContext,
  missing: Set<string>,
): boolean {
  const { qualifier, base, ifExists } = splitOperator(op);
  const values = context.get(key.toLowerCase());
  if (base === 'null') {
    const absent = values === undefined || values.length === 0;
    return policyValues.some((p) => (p.toLowerCase() === 'true') === absent);
  }
  const negated = NEGATED.has(base);
  if (values === undefined || values.length === 0) {
    if (ifExists) return true;
    missing.add(key);
    // ForAllValues over nothing is true; a negated operator on a missing key is true (IAM User Guide).
    if (qualifier === 'all') return true;
    return negated && qualifier !== 'any';
  }
  const anyPolicy = (v: string) => policyValues.some((p) => valueMatches(base, p, v));
  if (qualifier === 'all') return values.every((v) => (negated ? !anyPolicy(v) : anyPolicy(v)));
  if (qualifier === 'any') return values.some((v) => (negated ? !anyPolicy(v) : anyPolicy(v)));
  // Single-valued: a negated operator holds when no value matches any policy value.
  return negated ? !values.some(anyPolicy) : values.some(anyPolicy);
}

function conditionsHold(st: Statement, context: RequestContext, missing: Set<string>): boolean {
  let ok = true;
  for (const [op, block] of Object.entries(st.condition)) {
    for (const [key, values] of Object.entries(block)) {
      // Evaluate every key (no early exit) so MissingContextValues names them all.
      if (!conditionHolds(op, key, values, context, missing)) ok = false;
    }
  }
  return ok;
}

/** Evaluate policies for one action on one resource (a resource policy's statements must name the caller). */
export function evaluate(policies: readonly NamedPolicy[], req: EvaluationRequest): Evaluation {
  const allows: MatchedStatement[] = [];
  const denies: MatchedStatement[] = [];
  const missing = new Set<string>();
  const action = req.action.toLowerCase();
  for (const policy of policies) {
    for (const statement of policy.document.statements) {
      const c = compile(statement);
      if (!c.action(action) || !c.resource(req.resource)) continue;
      if (req.principal && !req.principal(statement)) continue;
      if (!conditionsHold(statement, req.context, missing)) continue;
      (statement.effect === 'Deny' ? denies : allows).push({ policy, statement });
    }
  }
  const missingContextValues = [...missing];
  if (denies.length > 0) return { decision: 'explicitDeny', matched: denies, missingContextValues };
  if (allows.length > 0) return { decision: 'allowed', matched: allows, missingContextValues };
  return { decision: 'implicitDeny', matched: [], missingContextValues };
}

/** Whether a trust policy lets a service principal (batchoperations.s3.amazonaws.com) assume the role. */
export function trustsService(trust: PolicyDocument, service: string, context: RequestContext): boolean {
  const principalMatches = (st: Statement) =>
    st.principal === '*' ||
    (st.principal?.Service ?? []).some((s) => s.toLowerCase() === service.toLowerCase());
  const missing = new Set<string>();
  const applies = (st: Statement) =>
    principalMatches(st) && actionMatches(st, 'sts:AssumeRole') && conditionsHold(st, context, missing);
  const statements = trust.statements;
  if (statements.some((st) => st.effect === 'Deny' && applies(st))) return false;
  return statements.some((st) => st.effect === 'Allow' && applies(st));
}
