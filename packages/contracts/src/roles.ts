import { z } from 'zod';
import { JobWizardModelBase } from './job-wizard.js';

/** IAM role names: 1 to 64 of `[\w+=,.@-]` (the IAM API's pattern). */
export const RoleName = z
  .string()
  .min(1, 'a role name has 1 to 64 characters')
  .max(64, 'a role name has 1 to 64 characters')
  .regex(/^[\w+=,.@-]+$/, 'a role name holds only letters, digits and + = , . @ _ -');
export type RoleName = z.infer<typeof RoleName>;

export const RoleNameParams = z.object({ name: RoleName });
export type RoleNameParams = z.infer<typeof RoleNameParams>;

/** An IAM policy document (JSON), as IAM returns it once URL-decoded. */
export const PolicyDocument = z.record(z.string(), z.unknown());
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** The service principal S3 Batch Operations assumes job roles as. */
export const BATCH_OPERATIONS_PRINCIPAL = 'batchoperations.s3.amazonaws.com';

export const RoleSummary = z.object({
  name: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  description: z.string().nullable(),
  /** The trust policy lets batchoperations.s3.amazonaws.com assume the role. */
  trustsBatchOperations: z.boolean(),
});
export type RoleSummary = z.infer<typeof RoleSummary>;

/** GET /api/roles — one page of ListRoles (`marker` from the previous page's `nextMarker`). */
export const ListRolesQuery = z.object({
  marker: z.string().min(1).max(320).optional(),
  maxItems: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ListRolesQuery = z.infer<typeof ListRolesQuery>;

export const ListRolesResponse = z.object({
  roles: z.array(RoleSummary),
  nextMarker: z.string().nullable(),
});
export type ListRolesResponse = z.infer<typeof ListRolesResponse>;

/** GET /api/roles/:name — the role, its trust policy, inline policies with documents, attached ones by name. */
export const RoleDetails = RoleSummary.extend({
  trustPolicy: PolicyDocument.nullable(),
  inlinePolicies: z.array(z.object({ name: z.string(), document: PolicyDocument.nullable() })),
  attachedPolicies: z.array(z.object({ name: z.string(), arn: z.string() })),
});
export type RoleDetails = z.infer<typeof RoleDetails>;

/** What a job's role template is made from: where it reads, what it does, where it reports. */
export const RoleTemplateRequest = JobWizardModelBase.pick({
  region: true,
  manifest: true,
  operation: true,
  report: true,
});
export type RoleTemplateRequest = z.infer<typeof RoleTemplateRequest>;

/** POST /api/jobs/role-template — the two policy documents for a job, nothing created. */
export const RoleTemplateResponse = z.object({
  trustPolicy: PolicyDocument,
  permissionPolicy: PolicyDocument,
  /** The name the inline permission policy gets. */
  policyName: z.string(),
  /** A role name to start from. */
  suggestedRoleName: z.string(),
  /** The buckets the manifest's rows name (the operation's resources). */
  sourceBuckets: z.array(z.string()),
  /** What the template could not know (a manifest it could not read, rows past the part read). */
  notes: z.array(z.string()),
});
export type RoleTemplateResponse = z.infer<typeof RoleTemplateResponse>;

/** POST /api/roles/from-template — create the role with the trust policy and the inline permission policy. */
export const CreateRoleFromTemplateRequest = z.object({
  roleName: RoleName,
  description: z.string().max(1000).optional(),
  job: RoleTemplateRequest,
});
export type CreateRoleFromTemplateRequest = z.infer<typeof CreateRoleFromTemplateRequest>;

export const CreateRoleFromTemplateResponse = z.object({
  role: RoleDetails,
  policyName: z.string(),
});
export type CreateRoleFromTemplateResponse = z.infer<typeof CreateRoleFromTemplateResponse>;
