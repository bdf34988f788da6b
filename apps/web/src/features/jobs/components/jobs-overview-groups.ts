import type { JobStatus } from '@batchops/contracts';

export const statusGroups = ['Awaiting confirmation', 'Running', 'Complete', 'Failed', 'Cancelled'] as const;
export type StatusGroup = (typeof statusGroups)[number];

/** Where each of the 13 statuses counts in the overview (ending statuses still run). */
export const groupOf: Record<JobStatus, StatusGroup> = {
  Suspended: 'Awaiting confirmation',
  New: 'Running',
  Preparing: 'Running',
  Ready: 'Running',
  Active: 'Running',
  Pausing: 'Running',
  Paused: 'Running',
  Completing: 'Running',
  Failing: 'Running',
  Cancelling: 'Running',
  Complete: 'Complete',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
};

/** Statuses of every job → the count of each group, in the groups' order (zero counts kept). */
export function countByGroup(statuses: Iterable<JobStatus>): { group: StatusGroup; count: number }[] {
  const counts = new Map<StatusGroup, number>(statusGroups.map((g) => [g, 0]));
  for (const s of statuses) {
    const g = groupOf[s];
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return statusGroups.map((group) => ({ group, count: counts.get(group) ?? 0 }));
}

/** The statuses a group counts, in the model's order (the job list filters on them). */
export const statusesOf = (group: StatusGroup): JobStatus[] =>
  (Object.keys(groupOf) as JobStatus[]).filter((s) => groupOf[s] === group).sort();
