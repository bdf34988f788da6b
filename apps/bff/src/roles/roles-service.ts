import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { permissionPolicy } from '@batchops/batch-formats';
import type {
  CreateRoleFromTemplateRequest,
  CreateRoleFromTemplateResponse,
  ListRolesQuery,
  ListRolesResponse,
  RoleDetails,
  RoleTemplateRequest,
  RoleTemplateResponse,
} from '@batchops/contracts';
import { HttpError } from '../errors/http-error.js';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { sampleManifestRows } from '../jobs/preflight/manifest-sample.js';
import { manifestLocation } from '../jobs/wizard-mapping.js';
import { jobAccessOf } from './job-access.js';
import { batchOperationsTrustPolicy, parsePolicyDocument, toRoleSummary } from './roles-mapping.js';

/** The name of the inline policy a template role gets. */
export const TEMPLATE_POLICY_NAME = 'batchops-job-permissions';

/** IAM is global: the console's own Region's client answers for every Region. */
const iamOf = (deps: JobsServiceDeps): IAMClient => deps.clientsFor().iam;

export async function listRoles(deps: JobsServiceDeps, q: ListRolesQuery): Promise<ListRolesResponse> {
  const out = await iamOf(deps).send(
    new ListRolesCommand({ MaxItems: q.maxItems, ...(q.marker ? { Marker: q.marker } : {}) }),
  );
  return {
    roles: (out.Roles ?? []).map(toRoleSummary),
    nextMarker: out.IsTruncated ? (out.Marker ?? null) : null,
  };
}

/** Every page of a Marker-paged IAM list. */
async function allPages<T>(page: (marker?: string) => Promise<{ items: T[]; next?: string | undefined }>) {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const out = await page(marker);
    items.push(...out.items);
    marker = out.next;
  } while (marker);
  return items;
}

export async function getRole(deps: JobsServiceDeps, name: string): Promise<RoleDetails> {
  const iam = iamOf(deps);
  const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: name }));
  if (!role) throw new HttpError(404, 'NoSuchEntity', `The role ${name} does not exist.`);
  const [inlineNames, attached] = await Promise.all([
    allPages(async (Marker) => {
      const out = await iam.send(
        new ListRolePoliciesCommand({ RoleName: name, ...(Marker ? { Marker } : {}) }),
      );
      return { items: out.PolicyNames ?? [], next: out.IsTruncated ? out.Marker : undefined };
    }),
    allPages(async (Marker) => {
      const out = await iam.send(
        new ListAttachedRolePoliciesCommand({ RoleName: name, ...(Marker ? { Marker } : {}) }),
      );
      return { items: out.AttachedPolicies ?? [], next: out.IsTruncated ? out.Marker : undefined };
    }).catch((e: unknown) => {
      // An endpoint without managed policies (local-aws) has none attached.
      if (/^(InvalidAction|NotImplemented|UnknownOperation)/.test((e as { name?: string }).name ?? ''))
        return [];
      throw e;
    }),
  ]);
  const inlinePolicies = await Promise.all(
    inlineNames.map(async (policyName) => {
      const out = await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }));
      return { name: policyName, document: parsePolicyDocument(out.PolicyDocument) };
    }),
  );
  return {
    ...toRoleSummary(role),
    trustPolicy: parsePolicyDocument(role.AssumeRolePolicyDocument),
    inlinePolicies,
    attachedPolicies: attached.map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
  };
}

const operationSlug = (job: RoleTemplateRequest) =>
  job.operation.type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export async function roleTemplate(
  deps: JobsServiceDeps,
  job: RoleTemplateRequest,
): Promise<RoleTemplateResponse> {
  const notes: string[] = [];
  const generator = job.manifest.format === 'replication' ? job.manifest.generator : undefined;
  // A generated manifest lists the source bucket only: no manifest to read rows from.
  const { buckets, named } = generator
    ? { buckets: [generator.sourceBucket], named: generator.sourceBucket }
    : await manifestBuckets(deps, job, notes);
  return {
    trustPolicy: batchOperationsTrustPolicy(),
    permissionPolicy: permissionPolicy(jobAccessOf(deps, job, buckets)),
    policyName: TEMPLATE_POLICY_NAME,
    suggestedRoleName: `batchops-${operationSlug(job)}-${named}`.slice(0, 64).replace(/[^\w+=,.@-]/g, '-'),
    sourceBuckets: buckets,
    notes,
  };
}

/** The buckets the manifest's first rows name (the manifest's own when none can be read), with notes why. */
async function manifestBuckets(
  deps: JobsServiceDeps,
  job: RoleTemplateRequest,
  notes: string[],
): Promise<{ buckets: string[]; named: string }> {
  const loc = manifestLocation(job.manifest);
  try {
    const { rows, complete } = await sampleManifestRows(deps, job);
    const buckets = [...new Set(rows.map((r) => r.bucket))].sort();
    if (buckets.length === 0) {
      notes.push(`The manifest has no rows: the policy names the manifest's bucket ${loc.bucket}.`);
      return { buckets: [loc.bucket], named: loc.bucket };
    }
    if (!complete)
      notes.push(
        `Buckets read from the first ${rows.length} row(s) of the manifest: add any bucket later rows name.`,
      );
    return { buckets, named: loc.bucket };
  } catch (e) {
    notes.push(
      `The manifest could not be read (${(e as Error).message}): the policy names the manifest's bucket ${loc.bucket}.`,
    );
    return { buckets: [loc.bucket], named: loc.bucket };
  }
}

/** CreateRole with the Batch Operations trust policy, then the inline least-privilege policy. */
export async function createRoleFromTemplate(
  deps: JobsServiceDeps,
  req: CreateRoleFromTemplateRequest,
): Promise<CreateRoleFromTemplateResponse> {
  const template = await roleTemplate(deps, req.job);
  const iam = iamOf(deps);
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: req.roleName,
        AssumeRolePolicyDocument: JSON.stringify(template.trustPolicy),
        Description: req.description ?? 'S3 Batch Operations job role (created by batchops from a template)',
      }),
    );
  } catch (e) {
    if (
      (e as { name?: string }).name === 'EntityAlreadyExistsException' ||
      (e as { name?: string }).name === 'EntityAlreadyExists'
    )
      throw new HttpError(409, 'EntityAlreadyExists', `A role named ${req.roleName} already exists.`, [
        { field: 'roleName', message: 'a role with this name exists: choose another name' },
      ]);
    throw e;
  }
  try {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: req.roleName,
        PolicyName: template.policyName,
        PolicyDocument: JSON.stringify(template.permissionPolicy),
      }),
    );
  } catch (e) {
    // A role without its policy would only fail jobs: take it back.
    await iam.send(new DeleteRoleCommand({ RoleName: req.roleName })).catch(() => undefined);
    throw e;
  }
  return { role: await getRole(deps, req.roleName), policyName: template.policyName };
}
