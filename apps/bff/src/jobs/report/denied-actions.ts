import { objectArn } from '@batchops/batch-formats';
import type { DeniedActionCount, ReportRow } from '@batchops/contracts';

/** AccessDenied (S3), AccessDeniedException (Lambda, IAM-style services). */
export const isAccessDenied = (errorCode: string | null) =>
  errorCode !== null && /^AccessDenied/.test(errorCode);

/**
 * The action and resource an AccessDenied message names, as AWS writes it: `User: arn:… is not
 * authorized to perform: s3:PutObjectTagging on resource: "arn:aws:s3:::b/k" because no
 * identity-based policy allows the s3:PutObjectTagging action`. S3's bare "Access Denied" names none.
 */
export function deniedActionOf(message: string | null): { action: string | null; resource: string | null } {
  const text = message ?? '';
  const perform =
    /not authorized to perform:?\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)(?:\s+on resource:?\s*"?([^"\s]+)"?)?/i.exec(
      text,
    );
  if (perform) return { action: perform[1] ?? null, resource: perform[2] ?? null };
  const allows = /allows the ([A-Za-z0-9-]+:[A-Za-z0-9*]+) action/i.exec(text);
  return { action: allows?.[1] ?? null, resource: null };
}

/** The report's AccessDenied failures grouped by the action their message names, most frequent first. */
export function groupDeniedActions(rows: readonly ReportRow[]): DeniedActionCount[] {
  const groups = new Map<string | null, DeniedActionCount>();
  for (const row of rows) {
    if (row.taskStatus !== 'failed' || !isAccessDenied(row.errorCode)) continue;
    const { action, resource } = deniedActionOf(row.resultMessage);
    const example = resource ?? objectArn(row.bucket, row.key);
    const group = groups.get(action);
    if (group) groups.set(action, { ...group, count: group.count + 1 });
    else groups.set(action, { action, count: 1, exampleResource: example });
  }
  return [...groups.values()].sort(mostDeniedFirst);
}

/** Most frequent first; unnamed actions last among equals (they say the least). */
export const mostDeniedFirst = (a: DeniedActionCount, b: DeniedActionCount): number =>
  b.count - a.count ||
  Number(a.action === null) - Number(b.action === null) ||
  (a.action ?? '').localeCompare(b.action ?? '');
