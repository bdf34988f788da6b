import { ServiceError } from '../errors/service-error.js';
import {
  type PolicyDocument,
  type PrincipalBlock,
  parsePolicy,
  splitOperator,
} from '../iam/policy-document.js';
import { wildcardMatch } from '../iam/policy-evaluation.js';
import { resourceOfAction, S3_ACTION_NAMES } from './s3-action-names.js';

// A bucket policy as PutBucketPolicy takes it: JSON of at most 20 KB, checked as S3 checks it
// (its MalformedPolicy messages), then parsed by the one policy parser (iam/policy-document.ts).

/** S3's limit on a bucket policy's size. */
export const MAX_BUCKET_POLICY_BYTES = 20 * 1024;

const malformed = (message: string) => new ServiceError(400, 'MalformedPolicy', message);

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws:iam::\d{12}:(root|user\/[\x21-\x7e]+|role\/[\x21-\x7e]+)|arn:aws:sts::\d{12}:assumed-role\/[\x21-\x7e]+)$/;

/** A Principal S3 would resolve: `*`, an account, a root / user / role / session ARN, a service, a canonical user. */
function checkPrincipal(block: unknown): void {
  if (block === '*') return;
  if (typeof block !== 'object' || block === null || Array.isArray(block))
    throw malformed('Invalid principal in policy');
  const entries = Object.entries(block);
  if (entries.length === 0) throw malformed('Invalid principal in policy');
  for (const [kind, values] of entries) {
    const ok = list(values).every(
      (v) =>
        typeof v === 'string' &&
        (kind === 'AWS'
          ? AWS_PRINCIPAL.test(v)
          : kind === 'Service'
            ? /^[a-z0-9.-]+\.amazonaws\.com$/.test(v)
            : kind === 'CanonicalUser' && /^[0-9a-f]{64}$/.test(v)),
    );
    if (!ok || list(values).length === 0) throw malformed('Invalid principal in policy');
  }
}

/** `s3:<action>` (or a wildcard that names one), or `*`. */
function checkAction(action: unknown): void {
  if (action === '*') return;
  if (typeof action !== 'string' || !/^s3:/i.test(action)) throw malformed('Policy has invalid action');
  if (/[*?]/.test(action)) {
    if (!S3_ACTION_NAMES.some((a) => wildcardMatch(action, a, true)))
      throw malformed('Policy has invalid action');
  } else if (resourceOfAction(action) === undefined) throw malformed('Policy has invalid action');
}

/** The bucket's ARN or its objects' (wildcards allowed where they still name this bucket). */
function checkResource(resource: unknown, bucket: string): void {
  const m = typeof resource === 'string' ? resource.match(/^arn:aws:s3:::([^/]*)(\/.*)?$/) : null;
  if (!m || !wildcardMatch(m[1] as string, bucket, false)) throw malformed('Policy has invalid resource');
}

/** Each named action must fit one of the statement's resources: an object action an object ARN… */
function checkApplies(actions: unknown[], resources: unknown[]): void {
  const onObjects = resources.some((r) => typeof r === 'string' && r.includes('/'));
  const onBucket = resources.some((r) => typeof r === 'string' && !r.includes('/'));
  for (const a of actions) {
    if (typeof a !== 'string' || /[*?]/.test(a)) continue;
    const on = resourceOfAction(a);
    if ((on === 'object' && !onObjects) || (on === 'bucket' && !onBucket) || on === 'other')
      throw malformed('Action does not apply to any resource(s) in statement');
  }
}

function checkStatement(raw: unknown, bucket: string): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw malformed('This policy contains invalid Json');
  const st = raw as Record<string, unknown>;
  for (const field of Object.keys(st)) {
    if (
      ![
        'Sid',
        'Effect',
        'Principal',
        'NotPrincipal',
        'Action',
        'NotAction',
        'Resource',
        'NotResource',
        'Condition',
      ].includes(field)
    )
      throw malformed(`Unknown field ${field}`);
  }
  if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw malformed(`Invalid effect: ${String(st.Effect)}`);
  if (st.Principal === undefined && st.NotPrincipal === undefined)
    throw malformed('Missing required field Principal');
  checkPrincipal(st.Principal ?? st.NotPrincipal);
  if (st.Action === undefined && st.NotAction === undefined) throw malformed('Missing required field Action');
  if (st.Resource === undefined && st.NotResource === undefined)
    throw malformed('Missing required field Resource');
  const actions = list(st.Action ?? st.NotAction);
  const resources = list(st.Resource ?? st.NotResource);
  for (const a of actions) checkAction(a);
  for (const r of resources) checkResource(r, bucket);
  if (st.Action !== undefined && st.Resource !== undefined) checkApplies(actions, resources);
}

/** Parse a PutBucketPolicy body for `bucket`, refusing what S3 refuses with its messages. */
export function parseBucketPolicy(text: string, bucket: string): PolicyDocument {
  if (Buffer.byteLength(text) > MAX_BUCKET_POLICY_BYTES)
    throw new ServiceError(400, 'PolicyTooLarge', 'Policy exceeds the maximum allowed document size.');
  if (text.trimStart()[0] !== '{')
    throw malformed("Policies must be valid JSON and the first byte must be '{'");
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  for (const field of Object.keys(doc)) {
    if (!['Version', 'Id', 'Statement'].includes(field)) throw malformed(`Unknown field ${field}`);
  }
  if (doc.Version !== undefined && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17')
    throw malformed('The policy must contain a valid version string');
  if (doc.Statement === undefined) throw malformed('Missing required field Statement');
  const statements = list(doc.Statement);
  if (statements.length === 0) throw malformed('Could not parse the policy: Statement is empty!');
  for (const st of statements) checkStatement(st, bucket);
  try {
    return parsePolicy(text, 'resource');
  } catch (e) {
    // What the shared parser still refuses (a condition operator, value types) in S3's code.
    if (e instanceof ServiceError) throw malformed(e.message);
    throw e;
  }
}

/** Condition keys that pin a statement to known callers (S3's "The meaning of public"). */
const FIXING_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceIp',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((k) => k.toLowerCase()),
);

const NEGATED_BASE = /not/;

const namesEveryone = (block: PrincipalBlock | undefined) =>
  block === '*' || (block?.AWS ?? []).includes('*');

/**
 * Whether a policy is public as S3 means it: an Allow to everyone (`*`, or NotPrincipal) that no
 * condition pins to known accounts, networks or ARNs (fixed values, not wildcards).
 */
export function isPublicPolicy(doc: PolicyDocument): boolean {
  return doc.statements.some((st) => {
    if (st.effect !== 'Allow') return false;
    if (!namesEveryone(st.principal) && st.notPrincipal === undefined) return false;
    const fixed = Object.entries(st.condition).some(([op, block]) => {
      const { base } = splitOperator(op);
      if (NEGATED_BASE.test(base) || base === 'null') return false;
      return Object.entries(block).some(
        ([key, values]) =>
          FIXING_KEYS.has(key.toLowerCase()) && values.every((v) => !/[*?]/.test(v) && v !== '0.0.0.0/0'),
      );
    });
    return !fixed;
  });
}
