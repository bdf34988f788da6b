import { GetRoleCommand, type IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import {
  type JobAccess,
  jobPermissionNeeds,
  type ManifestRow,
  neededActions,
  objectArn,
  type PermissionNeed,
} from '@batchops/batch-formats';
import {
  BATCH_OPERATIONS_PRINCIPAL,
  type MissingPermission,
  type PreflightCheck,
  type PreflightRequest,
  RoleArn,
} from '@batchops/contracts';
import { jobAccessOf } from '../../roles/job-access.js';
import { parsePolicyDocument, trustsBatchOperations } from '../../roles/roles-mapping.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { manifestLocation } from '../wizard-mapping.js';
import { bucketPolicyReader, byBucket } from './bucket-policies.js';

type Check = Omit<PreflightCheck, 'label' | 'id'>;

const errorName = (e: unknown) => (e as { name?: string }).name ?? 'Error';
const errorText = (e: unknown) => `${errorName(e)}: ${(e as Error).message}`;

/** Errors that mean the console may not ask, or the endpoint does not offer the call. */
const cannotAsk = (e: unknown) =>
  /AccessDenied|NotImplemented|UnknownOperation|InvalidAction|UnsupportedOperation|NotAuthorized/i.test(
    errorName(e),
  ) ||
  [403, 404, 405, 501].includes(
    (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0,
  );

/**
 * The concrete resources a need is simulated on: one object of each manifest bucket (a row's), the
 * copy's destination key of the first row; wildcard resources otherwise stay as the policy names them.
 */
function simulatedResources(need: PermissionNeed, access: JobAccess, samples: Map<string, ManifestRow>) {
  const first = samples.values().next().value as ManifestRow | undefined;
  if (need.sid === 'BatchOperationObjects' || need.purpose === 'copy source')
    return samples.size > 0
      ? [...samples.values()].map((r) => objectArn(r.bucket, r.key, access.partition))
      : [...need.resources];
  if (need.purpose === 'copy destination' && first)
    return need.resources.map((r) => r.replace(/\*$/, first.key));
  if (need.purpose === 'manifest read') return need.resources.filter((r) => !r.endsWith('*'));
  return [...need.resources];
}

/** SimulatePrincipalPolicy over every page; the action × resource pairs that are not allowed. */
async function simulate(
  iam: IAMClient,
  roleArn: string,
  actions: readonly string[],
  resources: readonly string[],
  resourcePolicy: { ResourcePolicy: string; ResourceOwner: string } | undefined,
): Promise<{ action: string; resource: string; decision: string }[]> {
  const denied: { action: string; resource: string; decision: string }[] = [];
  let marker: string | undefined;
  do {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: roleArn,
        ActionNames: [...actions],
        ResourceArns: [...resources],
        ...resourcePolicy,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    for (const r of out.EvaluationResults ?? []) {
      const perResource = r.ResourceSpecificResults ?? [];
      if (perResource.length > 0) {
        for (const rr of perResource)
          if (rr.EvalResourceDecision !== 'allowed')
            denied.push({
              action: r.EvalActionName ?? '',
              resource: rr.EvalResourceName ?? '*',
              decision: rr.EvalResourceDecision ?? 'implicitDeny',
            });
      } else if (r.EvalDecision !== 'allowed')
        denied.push({
          action: r.EvalActionName ?? '',
          resource: r.EvalResourceName ?? '*',
          decision: r.EvalDecision ?? 'implicitDeny',
        });
    }
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return denied;
}

const skipped = (why: string): Check => ({ status: 'warn', message: `Not checked: ${why}` });

/**
 * `role-arn`: the ARN is a role of this account that exists and trusts Batch Operations. `blocked`
 * says why its permissions cannot be simulated (the role is not one Batch Operations can use).
 */
async function roleArnCheck(
  deps: JobsServiceDeps,
  roleArn: string,
): Promise<{ role: Check; blocked?: string }> {
  const parsed = RoleArn.safeParse(roleArn);
  const account = roleArn.split(':')[4];
  if (!parsed.success)
    return {
      role: { status: 'fail', message: parsed.error.issues[0]?.message ?? 'not a role ARN' },
      blocked: 'no valid role ARN.',
    };
  if (account !== deps.accountId)
    return {
      role: { status: 'fail', message: `The role belongs to account ${account}, not ${deps.accountId}.` },
      blocked: `the role is in another account (${account}).`,
    };
  const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  try {
    const { Role: r } = await deps.clientsFor().iam.send(new GetRoleCommand({ RoleName: name }));
    if (r?.Arn && r.Arn !== roleArn)
      return {
        role: { status: 'fail', message: `The role ${name} exists as ${r.Arn}, not ${roleArn}.` },
        blocked: 'the ARN does not name the role.',
      };
    if (!trustsBatchOperations(parsePolicyDocument(r?.AssumeRolePolicyDocument)))
      return {
        role: {
          status: 'fail',
          message: `The role ${name} does not trust ${BATCH_OPERATIONS_PRINCIPAL}: Batch Operations cannot assume it. Add a trust policy statement that allows ${BATCH_OPERATIONS_PRINCIPAL} to sts:AssumeRole.`,
        },
        blocked: 'Batch Operations cannot assume the role.',
      };
    return {
      role: { status: 'pass', message: `${roleArn} exists and trusts ${BATCH_OPERATIONS_PRINCIPAL}.` },
    };
  } catch (e) {
    if (errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity')
      return {
        role: { status: 'fail', message: `The role ${name} does not exist in account ${deps.accountId}.` },
        blocked: 'the role does not exist.',
      };
    return {
      role: {
        status: 'warn',
        message: `${roleArn} is a role ARN of account ${deps.accountId}; the role could not be read (${errorText(e)}).`,
      },
    };
  }
}

/** `role-permissions`: every permission this job needs, simulated against the role's policies. */
async function permissionsCheck(
  deps: JobsServiceDeps,
  model: PreflightRequest,
  rows: readonly ManifestRow[] | undefined,
): Promise<Check> {
  const samples = new Map<string, ManifestRow>();
  for (const r of rows ?? []) if (!samples.has(r.bucket)) samples.set(r.bucket, r);
  let access: JobAccess;
  try {
    const generated = model.manifest.format === 'replication' ? model.manifest.generator : undefined;
    const fallback = generated ? generated.sourceBucket : manifestLocation(model.manifest).bucket;
    access = jobAccessOf(deps, model, samples.size > 0 ? [...samples.keys()] : [fallback]);
  } catch (e) {
    return skipped((e as Error).message);
  }
  const versioned = (rows ?? []).some((r) => r.versionId !== undefined);
  const missing: MissingPermission[] = [];
  let simulated = 0;
  const iam = deps.clientsFor().iam;
  const policyOf = bucketPolicyReader(deps.clientsFor(model.region ?? deps.region).s3);
  // Buckets whose policy could not be read, and the actions the job needs of each.
  const unread = new Map<string, { why: string; actions: Set<string> }>();
  // Only the bucket's own account reads its policy, so a policy read is this account's.
  const owner = `arn:${access.partition}:iam::${deps.accountId}:root`;
  try {
    for (const need of jobPermissionNeeds(access)) {
      const actions = neededActions(need, versioned);
      const resources = simulatedResources(need, access, samples);
      if (resources.length === 0) continue;
      simulated += actions.length;
      for (const [bucket, group] of byBucket(resources)) {
        const policy = bucket === undefined ? undefined : await policyOf(bucket);
        if (bucket !== undefined && policy?.kind === 'unreadable') {
          const u = unread.get(bucket) ?? { why: policy.why, actions: new Set<string>() };
          for (const a of actions) u.actions.add(a);
          unread.set(bucket, u);
        }
        const resourcePolicy =
          policy?.kind === 'policy' ? { ResourcePolicy: policy.text, ResourceOwner: owner } : undefined;
        for (const d of await simulate(iam, model.roleArn, actions, group, resourcePolicy))
          missing.push({ ...d, purpose: need.purpose });
      }
    }
  } catch (e) {
    return cannotAsk(e)
      ? skipped(`the role's policies could not be simulated (iam:SimulatePrincipalPolicy: ${errorText(e)}).`)
      : skipped(`the policy simulation failed (${errorText(e)}).`);
  }
  if (missing.length === 0 && unread.size > 0)
    return {
      status: 'warn',
      message: `The role's policies allow all ${simulated} action(s) this job needs, but ${unreadText(unread, model.roleArn)}`,
    };
  if (missing.length === 0)
    return {
      status: 'pass',
      message: `The role's policies allow all ${simulated} action(s) this job needs${rows ? '' : ' (on the manifest bucket: no rows could be read)'}.`,
    };
  const shown = missing
    .slice(0, 5)
    .map((m) => `${m.action} on ${m.resource} (${m.purpose})`)
    .join('; ');
  return {
    status: 'fail',
    message: `The role's and the buckets' policies do not allow ${missing.length} permission(s) this job needs: ${shown}${missing.length > 5 ? '; …' : ''}.`,
    missing,
  };
}

/** What the job needs of buckets whose policy pre-flight could not read (another account's). */
const unreadText = (unread: Map<string, { why: string; actions: Set<string> }>, roleArn: string) =>
  [...unread]
    .map(
      ([bucket, u]) =>
        `the policy of s3://${bucket} could not be read (${u.why}): if the bucket belongs to another account, its policy must allow ${roleArn} ${[...u.actions].join(', ')}.`,
    )
    .join(' ');

/**
 * The role checks of pre-flight: the role exists and trusts Batch Operations (`role-arn`), and its
 * policies allow what this job needs (`role-permissions`, by IAM policy simulation). Never throws:
 * what cannot be checked is a warning.
 */
export async function roleChecks(
  deps: JobsServiceDeps,
  model: PreflightRequest,
  rows: readonly ManifestRow[] | undefined,
): Promise<{ role: Check; permissions: Check }> {
  const { role, blocked } = await roleArnCheck(deps, model.roleArn);
  if (blocked !== undefined) return { role, permissions: skipped(blocked) };
  return { role, permissions: await permissionsCheck(deps, model, rows) };
}
