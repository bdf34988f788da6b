import type { Role } from '@aws-sdk/client-iam';
import { BATCH_OPERATIONS_PRINCIPAL, type PolicyDocument, type RoleSummary } from '@batchops/contracts';

/** IAM returns policy documents URL-encoded (RFC 3986); null when the text is not a JSON object. */
export function parsePolicyDocument(text: string | undefined): PolicyDocument | null {
  if (!text) return null;
  for (const candidate of [text, safeDecode(text)]) {
    try {
      const doc: unknown = JSON.parse(candidate ?? '');
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc as PolicyDocument;
    } catch {
      // try the next reading
    }
  }
  return null;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The trust policy that lets S3 Batch Operations assume the role. */
export function batchOperationsTrustPolicy(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: BATCH_OPERATIONS_PRINCIPAL }, Action: 'sts:AssumeRole' },
    ],
  };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Whether a trust policy allows batchoperations.s3.amazonaws.com to sts:AssumeRole (and no Deny says otherwise). */
export function trustsBatchOperations(doc: PolicyDocument | null): boolean {
  if (!doc) return false;
  const matches = (s: Record<string, unknown>) => {
    const principal = s.Principal as Record<string, unknown> | string | undefined;
    const services = typeof principal === 'object' && principal ? asList(principal.Service) : [];
    const anyone =
      principal === '*' || (typeof principal === 'object' && asList(principal?.AWS).includes('*'));
    const actions = asList(s.Action);
    return (
      (anyone || services.includes(BATCH_OPERATIONS_PRINCIPAL)) &&
      actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    );
  };
  const statements = asList(doc.Statement).filter(
    (s): s is Record<string, unknown> => typeof s === 'object' && s !== null,
  );
  return (
    statements.some((s) => s.Effect === 'Allow' && !s.Condition && matches(s)) &&
    !statements.some((s) => s.Effect === 'Deny' && !s.Condition && matches(s))
  );
}

export function toRoleSummary(role: Role): RoleSummary {
  return {
    name: role.RoleName ?? '',
    arn: role.Arn ?? '',
    path: role.Path ?? '/',
    createDate: role.CreateDate?.toISOString() ?? null,
    description: role.Description || null,
    trustsBatchOperations: trustsBatchOperations(parsePolicyDocument(role.AssumeRolePolicyDocument)),
  };
}
