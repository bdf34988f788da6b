import { RoleTemplateRequest } from '@batchops/contracts';

/** The parts of a job a role template is made from (Region, manifest, operation, report); null while they are not valid. */
export function roleTemplateRequestOf(job: {
  readonly region?: unknown;
  readonly manifest?: unknown;
  readonly operation?: unknown;
  readonly report?: unknown;
}): RoleTemplateRequest | null {
  const parsed = RoleTemplateRequest.safeParse({
    region: job.region,
    manifest: job.manifest,
    operation: job.operation,
    report: job.report,
  });
  return parsed.success ? parsed.data : null;
}
