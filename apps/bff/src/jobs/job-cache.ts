import { GetJobTaggingCommand, paginateListJobs, type S3ControlClient } from '@aws-sdk/client-s3-control';
import { mapBounded } from '@batchops/batch-formats';
import type { JobSummary, S3Tag } from '@batchops/contracts';
import { toJobSummary } from './jobs-mapping.js';
import { fromSdkTags } from './sdk-tags.js';

interface Snapshot {
  readonly at: number;
  readonly jobs: JobSummary[];
}

/** At most this many GetJobTagging calls in flight. */
const TAG_CONCURRENCY = 16;

/**
 * What the job list reads: one ListJobs snapshot per Region (all pages; fresh for `maxAgeMs`, then
 * served while one background read replaces it, up to `staleMaxMs`; concurrent readers share one
 * read) and each job's tags (GetJobTagging once per job; replaced when the console changes them).
 * The console's own changes drop the snapshot, so the next list shows them.
 */
export class JobCache {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly reading = new Map<string, Promise<Snapshot>>();
  private readonly tags = new Map<string, S3Tag[]>();
  private readonly tagReads = new Map<string, Promise<S3Tag[]>>();
  private generation = 0;

  constructor(
    private readonly accountId: string,
    private readonly now: () => number,
    private readonly maxAgeMs = 5000,
    private readonly staleMaxMs = 60_000,
  ) {}

  /** Every listed job of the Region, newest first. `fresh` skips the snapshot (the live poller). */
  async list(client: S3ControlClient, region: string, fresh = false): Promise<JobSummary[]> {
    const s = this.snapshots.get(region);
    const age = s ? this.now() - s.at : Number.POSITIVE_INFINITY;
    if (!fresh && s && age < this.maxAgeMs) return s.jobs;
    const pending = this.read(client, region);
    if (!fresh && s && age < this.staleMaxMs) {
      pending.catch(() => {});
      return s.jobs;
    }
    return (await pending).jobs;
  }

  private read(client: S3ControlClient, region: string): Promise<Snapshot> {
    let pending = this.reading.get(region);
    if (!pending) {
      const generation = this.generation;
      pending = this.readAll(client).then((snapshot) => {
        if (generation === this.generation) this.snapshots.set(region, snapshot);
        return snapshot;
      });
      this.reading.set(region, pending);
      const mine = pending;
      void mine
        .finally(() => {
          if (this.reading.get(region) === mine) this.reading.delete(region);
        })
        .catch(() => {});
    }
    return pending;
  }

  private async readAll(client: S3ControlClient): Promise<Snapshot> {
    const at = this.now();
    const jobs: JobSummary[] = [];
    const pages = paginateListJobs({ client, pageSize: 1000 }, { AccountId: this.accountId });
    for await (const page of pages) for (const d of page.Jobs ?? []) jobs.push(toJobSummary(d));
    jobs.sort((a, b) => b.creationTime.localeCompare(a.creationTime));
    return { at, jobs };
  }

  /** The console changed a job (or created one): the next list reads ListJobs again. */
  invalidate(): void {
    this.generation++;
    this.snapshots.clear();
    this.reading.clear();
  }

  /** Tags of jobs, read once per job. */
  async tagsOf(client: S3ControlClient, jobIds: readonly string[]): Promise<Map<string, S3Tag[]>> {
    const missing = jobIds.filter((id) => !this.tags.has(id));
    await mapBounded(missing, TAG_CONCURRENCY, (id) => this.readTags(client, id));
    return new Map(jobIds.map((id) => [id, this.tags.get(id) ?? []]));
  }

  private readTags(client: S3ControlClient, jobId: string): Promise<S3Tag[]> {
    let pending = this.tagReads.get(jobId);
    if (!pending) {
      pending = client
        .send(new GetJobTaggingCommand({ AccountId: this.accountId, JobId: jobId }))
        .then((out) => {
          const tags = fromSdkTags(out.Tags);
          this.tags.set(jobId, tags);
          return tags;
        })
        .catch((e: unknown) => {
          // A job that vanished between ListJobs and here simply has no tags.
          if ((e as { name?: string }).name === 'NotFoundException') return [];
          throw e;
        })
        .finally(() => this.tagReads.delete(jobId));
      this.tagReads.set(jobId, pending);
    }
    return pending;
  }

  setTags(jobId: string, tags: readonly S3Tag[]): void {
    this.tags.set(jobId, [...tags]);
  }
}
