import { GetBucketReplicationCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type {
  PreflightCheck,
  PreflightCheckId,
  PreflightRequest,
  PreflightResponse,
} from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { errorText } from './error-text.js';
import { roleChecks } from './role-check.js';

/**
 * Pre-flight of a job whose manifest S3 generates from the source bucket's replication configuration:
 * the bucket and its configuration are checked; the rows exist only once the job runs.
 */
export async function generatedManifestPreflight(
  deps: JobsServiceDeps,
  s3: S3Client,
  model: PreflightRequest,
  labels: Record<PreflightCheckId, string>,
): Promise<PreflightResponse> {
  const checks: PreflightCheck[] = [];
  const add = (id: PreflightCheckId, status: PreflightCheck['status'], message: string) =>
    checks.push({ id, label: labels[id], status, message });
  const source = model.manifest.generator?.sourceBucket ?? '';
  const later = 'Not checked: the manifest is generated when the job runs.';
  try {
    await s3.send(new HeadBucketCommand({ Bucket: source }));
    try {
      const out = await s3.send(new GetBucketReplicationCommand({ Bucket: source }));
      const rules = out.ReplicationConfiguration?.Rules ?? [];
      const enabled = rules.filter((r) => r.Status === 'Enabled').length;
      add(
        'manifest-readable',
        enabled > 0 ? 'pass' : 'fail',
        enabled > 0
          ? `s3://${source} has ${enabled} enabled replication rule(s); the manifest lists their eligible objects.`
          : `s3://${source} has no enabled replication rule: the job would replicate nothing.`,
      );
    } catch (e) {
      add('manifest-readable', 'fail', `s3://${source} has no replication configuration: ${errorText(e)}`);
    }
  } catch (e) {
    add('manifest-readable', 'fail', `s3://${source}: ${errorText(e)}`);
  }
  add('manifest-etag', 'pass', 'A generated manifest needs no ETag.');
  add('manifest-rows', 'warn', later);
  add('version-ids', 'pass', 'A generated manifest names every eligible version.');
  add('objects-exist', 'warn', later);

  const out = model.manifest.generator?.output;
  const buckets = [model.report.enabled ? model.report.bucket : undefined, out?.bucket].filter(
    (b): b is string => b !== undefined,
  );
  if (buckets.length === 0)
    add('report-bucket', 'warn', 'No completion report: failed tasks cannot be reviewed or retried.');
  else {
    const problems: string[] = [];
    for (const b of new Set(buckets)) {
      try {
        await s3.send(new HeadBucketCommand({ Bucket: b }));
      } catch (e) {
        problems.push(`s3://${b}: ${errorText(e)}`);
      }
    }
    if (problems.length) add('report-bucket', 'fail', problems.join('; '));
    else
      add(
        'report-bucket',
        model.report.enabled ? 'pass' : 'warn',
        `${[...new Set(buckets)].map((b) => `s3://${b}`).join(', ')} exist${model.report.enabled ? '' : 's; no completion report'}.`,
      );
  }

  // The role as for any job: it exists, trusts Batch Operations, and its policies allow the job.
  const { role, permissions } = await roleChecks(deps, model, undefined);
  add('role-arn', role.status, role.message);
  checks.push({ id: 'role-permissions', label: labels['role-permissions'], ...permissions });
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
