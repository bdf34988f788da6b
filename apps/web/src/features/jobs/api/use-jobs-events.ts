import type { JobEvent, JobStatus, ListJobsResponse } from '@batchops/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { StreamStatus } from '../../../lib/stream-status';
import { useEventStream } from '../../../lib/use-event-stream';
import { jobsKeys } from './jobs-keys';

type JobsEvent = Extract<JobEvent, { type: 'jobs' }>;

/**
 * Keep every cached job list live from GET /api/jobs/events: changed rows are patched in place;
 * a job that appears, disappears or moves between pages makes the lists read again. Returns how the
 * stream is doing.
 */
export function useJobsEvents(): StreamStatus {
  const queryClient = useQueryClient();
  const first = useRef(true);
  return useEventStream('/api/jobs/events', (event) => {
    if (event.type !== 'jobs') return;
    const isFirst = first.current;
    first.current = false;
    // Every job's status, for the overview: the first event has them all, later ones the changes.
    queryClient.setQueryData<Record<string, JobStatus>>(jobsKeys.statuses(), (old) => {
      const next: Record<string, JobStatus> = isFirst ? {} : { ...old };
      for (const j of event.changed) next[j.jobId] = j.status;
      for (const id of event.removed) delete next[id];
      return next;
    });
    const seen = new Set<string>();
    queryClient.setQueriesData<ListJobsResponse>({ queryKey: jobsKeys.lists() }, (old) =>
      old ? patchList(old, event, seen) : old,
    );
    const unseen = event.changed.some((j) => !seen.has(j.jobId));
    if (!isFirst && (unseen || event.removed.length > 0))
      void queryClient.invalidateQueries({ queryKey: jobsKeys.lists() });
    for (const job of event.changed)
      void queryClient.invalidateQueries({ queryKey: jobsKeys.detail(job.jobId), exact: true });
  });
}

function patchList(old: ListJobsResponse, event: JobsEvent, seen: Set<string>): ListJobsResponse {
  const changed = new Map(event.changed.map((j) => [j.jobId, j]));
  return {
    ...old,
    jobs: old.jobs.map((row) => {
      const next = changed.get(row.jobId);
      if (!next) return row;
      seen.add(row.jobId);
      return { ...row, ...next, tags: row.tags };
    }),
  };
}
