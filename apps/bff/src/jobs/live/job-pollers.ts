import { DescribeJobCommand } from '@aws-sdk/client-s3-control';
import { isBusy } from '@batchops/batch-formats';
import type { JobEvent, JobSnapshot, JobSummary, ProgressSample } from '@batchops/contracts';
import { toApiError } from '../../errors/error-handler.js';
import { HttpError } from '../../errors/http-error.js';
import { toJobSummary } from '../jobs-mapping.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { rateOf, withRates } from './job-rate.js';
import type { ProgressHistory } from './progress-history.js';

type Listener = (event: JobEvent) => void;

export interface PollIntervals {
  /** While a job moves without a request (batch-formats' isBusy: Active, Preparing, Completing, …). */
  readonly busyMs: number;
  /** Otherwise. */
  readonly idleMs: number;
}

/**
 * The console's own follower against AWS while no page listens: every ListJobs page is a request
 * the account pays for, and the dashboard's per-minute charts need no finer samples.
 */
export const AWS_FOLLOW_INTERVALS: PollIntervals = { busyMs: 5_000, idleMs: 60_000 };

/**
 * One poller per key, shared by every listener of that key: it starts with the first listener,
 * polls again after each read (busyMs or idleMs later), and stops with the last listener.
 */
interface PollerContext {
  readonly deps: JobsServiceDeps;
  readonly intervals: PollIntervals;
  readonly log: (line: string) => void;
  /** Called when the last listener left (the hub forgets the poller). */
  readonly onIdle: () => void;
  /** Where pollers record each read of a job (the charts, decision 0033). */
  readonly history: ProgressHistory;
}

abstract class Poller {
  private readonly listeners = new Set<Listener>();
  /** Listeners no page is behind (the console's follower): alone, they poll at `backgroundIntervals`. */
  private readonly background = new Set<Listener>();
  /** The intervals while only background listeners listen; the context's when unset. */
  backgroundIntervals: PollIntervals | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private polling = false;
  /** When the last poll answered (the clock's ms). */
  private readAt = Number.NEGATIVE_INFINITY;
  /** Listeners that joined while the state was stale: they get the whole state after the next poll. */
  private readonly joining = new Set<Listener>();

  constructor(protected readonly ctx: PollerContext) {}

  /** Poll once: the events to send and whether the subject is busy. */
  protected abstract poll(): Promise<{ events: JobEvent[]; busy: boolean }>;
  /** What a listener joining late gets first (the current state), if known. */
  protected abstract current(): JobEvent | undefined;

  add(listener: Listener, background = false): () => void {
    this.listeners.add(listener);
    if (background) this.background.add(listener);
    const now = this.current();
    // A state older than a busy interval (an idle poll, the console's own follower) is read again first.
    if (now && this.ctx.deps.now() - this.readAt <= this.ctx.intervals.busyMs) this.deliver(listener, now);
    else {
      this.joining.add(listener);
      if (this.timer !== undefined) clearTimeout(this.timer);
      if (!this.polling) void this.run();
    }
    return () => {
      this.listeners.delete(listener);
      this.background.delete(listener);
      this.joining.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** One listener failing (a closed or broken stream) neither stops the poller nor the others. */
  private deliver(listener: Listener, event: JobEvent): void {
    try {
      listener(event);
    } catch (e) {
      this.ctx.log(`live event listener failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.polling = true;
    let busy = false;
    let events: JobEvent[];
    let full: JobEvent | undefined;
    try {
      const result = await this.poll();
      busy = result.busy;
      events = result.events;
      full = this.current();
    } catch (e) {
      events = [{ type: 'error', error: toApiError(e).body }];
    }
    this.polling = false;
    this.readAt = this.ctx.deps.now();
    if (this.stopped) return;
    const joined = [...this.joining];
    this.joining.clear();
    for (const l of joined) for (const e of full ? [full] : events) this.deliver(l, e);
    for (const e of events) for (const l of this.listeners) if (!joined.includes(l)) this.deliver(l, e);
    if (this.stopped) return;
    const unattended = this.background.size === this.listeners.size && this.backgroundIntervals;
    const intervals = unattended || this.ctx.intervals;
    this.timer = setTimeout(() => void this.run(), busy ? intervals.busyMs : intervals.idleMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.ctx.onIdle();
  }
}

class JobPoller extends Poller {
  private last: JobSnapshot | undefined;
  private fingerprint = '';

  constructor(
    ctx: PollerContext,
    private readonly jobId: string,
    private readonly region: string,
  ) {
    super(ctx);
  }

  protected current(): JobEvent | undefined {
    return this.last ? { type: 'job', job: this.last } : undefined;
  }

  protected async poll(): Promise<{ events: JobEvent[]; busy: boolean }> {
    const { deps } = this.ctx;
    const { Job: d } = await deps
      .clientsFor(this.region)
      .s3control.send(new DescribeJobCommand({ AccountId: deps.accountId, JobId: this.jobId }));
    const s = toJobSummary({ ...d, Operation: undefined });
    const t = deps.now();
    const at = new Date(t).toISOString();
    const read = sampleOf(s, at);
    this.ctx.history.record(this.region, this.jobId, read);
    const { ratePerSecond, etaSeconds } = rateOf(s, [
      ...this.ctx.history.samples(this.region, this.jobId),
      read,
    ]);
    const snapshot: JobSnapshot = {
      jobId: s.jobId,
      status: s.status,
      priority: s.priority,
      progress: s.progress,
      ratePerSecond,
      etaSeconds,
      statusUpdateReason: d?.StatusUpdateReason ?? null,
      failureReasons: (d?.FailureReasons ?? []).map((f) => ({
        code: f.FailureCode ?? '',
        reason: f.FailureReason ?? '',
      })),
      terminationDate: s.terminationDate,
      at,
    };
    this.last = snapshot;
    const fingerprint = JSON.stringify([
      s.status,
      s.priority,
      s.progress.totalTasks,
      s.progress.succeeded,
      s.progress.failed,
      snapshot.statusUpdateReason,
    ]);
    const changed = fingerprint !== this.fingerprint;
    this.fingerprint = fingerprint;
    return { events: changed ? [{ type: 'job', job: snapshot }] : [], busy: isBusy(s.status) };
  }
}

/** What a read of a job adds to its progress history. */
const sampleOf = (j: JobSummary, at: string): ProgressSample => ({
  at,
  status: j.status,
  succeeded: j.progress.succeeded,
  failed: j.progress.failed,
  totalTasks: j.progress.totalTasks,
});

const jobFingerprint = (j: JobSummary) =>
  `${j.status}|${j.priority}|${j.progress.totalTasks}|${j.progress.succeeded}|${j.progress.failed}|${j.description}|${j.ratePerSecond}`;

class ListPoller extends Poller {
  private jobs: JobSummary[] | undefined;
  private fingerprints = new Map<string, string>();

  constructor(
    ctx: PollerContext,
    private readonly region: string,
  ) {
    super(ctx);
  }

  protected current(): JobEvent | undefined {
    if (!this.jobs) return undefined;
    return {
      type: 'jobs',
      changed: this.jobs,
      removed: [],
      total: this.jobs.length,
      at: new Date(this.ctx.deps.now()).toISOString(),
    };
  }

  protected async poll(): Promise<{ events: JobEvent[]; busy: boolean }> {
    const { deps } = this.ctx;
    const listed = await deps.cache.list(deps.clientsFor(this.region).s3control, this.region, true);
    // Every job of the Region gets its history, whether or not its page is open (issue 19).
    const now = deps.now();
    const at = new Date(now).toISOString();
    for (const j of listed) this.ctx.history.record(this.region, j.jobId, sampleOf(j, at));
    const jobs = withRates(this.ctx.history, this.region, listed, now);
    const next = new Map(jobs.map((j) => [j.jobId, jobFingerprint(j)]));
    const changed = jobs.filter((j) => this.fingerprints.get(j.jobId) !== next.get(j.jobId));
    const removed = [...this.fingerprints.keys()].filter((id) => !next.has(id));
    const firstRead = this.jobs === undefined;
    this.jobs = jobs;
    this.fingerprints = next;
    const busy = jobs.some((j) => isBusy(j.status));
    if (!firstRead && changed.length === 0 && removed.length === 0) return { events: [], busy };
    return {
      events: [
        { type: 'jobs', changed, removed, total: jobs.length, at: new Date(deps.now()).toISOString() },
      ],
      busy,
    };
  }
}

/** Pollers (jobs and Regions' lists) running at once, by default. */
export const MAX_POLLERS = 32;

/**
 * The live pollers: one DescribeJob poller per job and one ListJobs poller per Region, at most
 * `maxPollers` at once (a new subject beyond that is refused; one already polled is shared).
 */
export class JobEventsHub {
  private readonly pollers = new Map<string, Poller>();
  /** Lists the console follows for itself (their histories): they do not count against the cap. */
  private readonly followed = new Set<string>();

  constructor(
    private readonly deps: JobsServiceDeps,
    private readonly intervals: PollIntervals = { busyMs: 500, idleMs: 3000 },
    private readonly log: (line: string) => void = (line) => console.error(line),
    private readonly maxPollers = MAX_POLLERS,
  ) {}

  /** Progress samples of the jobs polled (GET /api/jobs/:id/progress, the dashboard). */
  get history(): ProgressHistory {
    return this.deps.history;
  }

  /** The Region a request names, else the console's. */
  regionOf = (region: string | undefined): string => region ?? this.deps.region;

  private jobKey = (jobId: string, region: string | undefined) =>
    `job:${region ?? this.deps.region}:${jobId}`;
  private listKey = (region: string | undefined) => `list:${region ?? this.deps.region}`;

  /**
   * Throws 503 `TooManyLiveJobs` when watching this subject would start a poller beyond the cap.
   * Call before opening the stream; subscribing in the same tick then cannot fail.
   */
  admitJob(jobId: string, region: string | undefined): void {
    this.admit(this.jobKey(jobId, region));
  }

  admitList(region: string | undefined): void {
    this.admit(this.listKey(region));
  }

  private admit(key: string): void {
    if (this.pollers.has(key) || this.pollers.size - this.followed.size < this.maxPollers) return;
    throw new HttpError(
      503,
      'TooManyLiveJobs',
      `The console already follows ${this.maxPollers} jobs or lists live; close a job's page and try again.`,
    );
  }

  subscribeJob(jobId: string, region: string | undefined, listener: Listener): () => void {
    const r = region ?? this.deps.region;
    return this.subscribe(this.jobKey(jobId, r), (ctx) => new JobPoller(ctx, jobId, r), listener);
  }

  subscribeList(region: string | undefined, listener: Listener): () => void {
    const r = region ?? this.deps.region;
    return this.subscribe(this.listKey(r), (ctx) => new ListPoller(ctx, r), listener);
  }

  /**
   * Poll a Region's list for as long as the console runs, so every job's history is recorded; at
   * `unattended` intervals while no page listens to that list (the hub's own otherwise).
   */
  follow(region: string | undefined, unattended?: PollIntervals): void {
    const key = this.listKey(region);
    if (this.followed.has(key)) return;
    this.followed.add(key);
    const r = region ?? this.deps.region;
    this.subscribe(
      key,
      (ctx) => new ListPoller(ctx, r),
      () => {},
      unattended ?? this.intervals,
    );
  }

  private subscribe(
    key: string,
    create: (ctx: PollerContext) => Poller,
    listener: Listener,
    background?: PollIntervals,
  ): () => void {
    this.admit(key);
    let poller = this.pollers.get(key);
    if (!poller) {
      poller = create({
        deps: this.deps,
        intervals: this.intervals,
        log: this.log,
        onIdle: () => this.pollers.delete(key),
        history: this.deps.history,
      });
      this.pollers.set(key, poller);
    }
    if (background) poller.backgroundIntervals = background;
    return poller.add(listener, background !== undefined);
  }

  /** Pollers running now (tests, diagnostics). */
  get size(): number {
    return this.pollers.size;
  }

  close(): void {
    for (const p of [...this.pollers.values()]) p.stop();
  }
}
