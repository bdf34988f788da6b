import {
  COMPLETED_WITH_FAILURES,
  COMPLETED_WITHOUT_FAILURES,
  type JobListItem,
  type JobSummary,
  type ListJobsQuery,
  type ListStatus,
  type S3Tag,
} from '@batchops/contracts';

/** A job is listed under its status, and a Complete one under CompletedWith(out)Failures too. */
function hasListStatus(job: JobSummary, s: ListStatus): boolean {
  if (s === COMPLETED_WITH_FAILURES) return job.status === 'Complete' && job.progress.failed > 0;
  if (s === COMPLETED_WITHOUT_FAILURES) return job.status === 'Complete' && job.progress.failed === 0;
  return job.status === s;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** The filters that need no tags (description, job ID, status, operation). */
export function matchesWithoutTags(job: JobSummary, q: ListJobsQuery, now = Date.now()): boolean {
  if (q.status.length && !q.status.some((s) => hasListStatus(job, s))) return false;
  if (q.endedWithinHours !== undefined) {
    const ended = job.terminationDate === null ? Number.NaN : Date.parse(job.terminationDate);
    if (!(ended >= now - q.endedWithinHours * 3_600_000)) return false;
  }
  if (q.operation.length && (job.operation === null || !q.operation.includes(job.operation))) return false;
  if (q.jobId && !job.jobId.toLowerCase().includes(q.jobId.toLowerCase())) return false;
  if (q.description) {
    const d = (job.description ?? '').toLowerCase();
    if (!words(q.description).every((w) => d.includes(w))) return false;
  }
  return true;
}

export const needsTags = (q: ListJobsQuery): boolean => Boolean(q.tagKey || q.tagValue || q.text);

/** One free-text word against the job: ID prefix, description, tag token, status or operation. */
function matchesWord(job: JobSummary, tags: readonly S3Tag[], word: string): boolean {
  if (job.jobId.toLowerCase().startsWith(word)) return true;
  if ((job.description ?? '').toLowerCase().includes(word)) return true;
  if (job.status.toLowerCase().startsWith(word)) return true;
  if (job.operation?.toLowerCase().includes(word)) return true;
  return tags.some((t) => {
    const key = t.key.toLowerCase();
    const value = t.value.toLowerCase();
    return word.includes('=') ? `${key}=${value}` === word : key === word || value === word;
  });
}

/** The free text: every word must match something of the job (see matchesWord). */
export function matchesText(job: JobSummary, tags: readonly S3Tag[], q: ListJobsQuery): boolean {
  return !q.text || words(q.text).every((w) => matchesWord(job, tags, w));
}

/** Tag key and value match exactly, ignoring case; given both, one tag must have both. */
export function matchesTags(tags: readonly S3Tag[], q: ListJobsQuery): boolean {
  const key = q.tagKey?.toLowerCase();
  const value = q.tagValue?.toLowerCase();
  if (!key && !value) return true;
  return tags.some(
    (t) =>
      (!key || t.key.toLowerCase() === key) &&
      (value === undefined || value === '' || t.value.toLowerCase() === value),
  );
}

const compareBy: Record<ListJobsQuery['sortBy'], (a: JobSummary, b: JobSummary) => number> = {
  creationTime: (a, b) => a.creationTime.localeCompare(b.creationTime),
  priority: (a, b) => a.priority - b.priority,
  status: (a, b) => a.status.localeCompare(b.status),
  description: (a, b) => {
    // Jobs without a description sort last in ascending order.
    if (a.description === null || b.description === null)
      return a.description === b.description ? 0 : a.description === null ? 1 : -1;
    return a.description.localeCompare(b.description, undefined, { sensitivity: 'base' });
  },
};

/** Sort (ties: newest first, then job ID) and cut one page. */
export function sortAndPage<T extends JobSummary>(jobs: T[], q: ListJobsQuery): { page: T[]; total: number } {
  const dir = q.sortOrder === 'asc' ? 1 : -1;
  const primary = compareBy[q.sortBy];
  const sorted = [...jobs].sort(
    (a, b) =>
      dir * primary(a, b) || b.creationTime.localeCompare(a.creationTime) || a.jobId.localeCompare(b.jobId),
  );
  const start = (q.page - 1) * q.pageSize;
  return { page: sorted.slice(start, start + q.pageSize), total: sorted.length };
}

export type { JobListItem };
