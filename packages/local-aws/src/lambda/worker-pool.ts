import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors/service-error.js';
import type { FunctionDir } from './sandbox.js';
import {
  type InvokeOutcome,
  type InvokeRequest,
  type Running,
  Worker,
  type WorkerSpec,
} from './worker-process.js';

export {
  type InvokeOutcome,
  type InvokeRequest,
  MAX_RESPONSE_BYTES,
  type WorkerSpec,
} from './worker-process.js';

/** A worker idle this long is stopped; the next invocation starts a cold one. */
const IDLE_MS = 5 * 60_000;
/** Lambda's init phase: a cold start may take this long to load the handler before its timeout starts. */
const INIT_MS = 10_000;

/** Limits over every function's workers together. */
export interface WorkerLimits {
  /** Worker processes alive at once, all functions together. */
  readonly maxWorkers: number;
  /** Invocations waiting for a worker, all functions together; one more is a 429. */
  readonly maxQueued: number;
}

/**
 * The one budget of worker processes shared by every function's pool: a pool that may grow but
 * finds the budget spent evicts the longest-idle worker of any pool, or waits; past `maxQueued`
 * waiting invocations, Lambda's throttling answer.
 */
export class WorkerBudget {
  live = 0;
  private queued = 0;
  private readonly pools = new Set<WorkerPool>();
  private waiters: Array<() => void> = [];

  constructor(readonly limits: WorkerLimits) {}

  add(pool: WorkerPool): void {
    this.pools.add(pool);
  }

  remove(pool: WorkerPool): void {
    this.pools.delete(pool);
    this.wakeAll();
  }

  /** Take a process slot, evicting the longest-idle worker of any pool when none is free. */
  take(): boolean {
    if (this.live >= this.limits.maxWorkers) {
      let oldest: Worker | undefined;
      for (const pool of this.pools) {
        const w = pool.oldestIdle();
        if (w && (!oldest || w.idleSince < oldest.idleSince)) oldest = w;
      }
      oldest?.kill();
    }
    if (this.live >= this.limits.maxWorkers) return false;
    this.live++;
    return true;
  }

  /** Wait until a worker goes idle or away anywhere; a 429 when too many wait already. */
  async wait(): Promise<void> {
    if (this.queued >= this.limits.maxQueued) {
      throw new ServiceError(429, 'TooManyRequestsException', 'Rate Exceeded.', {
        Reason: 'ConcurrentInvocationLimitExceeded',
      });
    }
    this.queued++;
    try {
      await new Promise<void>((wake) => this.waiters.push(wake));
    } finally {
      this.queued--;
    }
  }

  wakeAll(): void {
    const woken = this.waiters;
    this.waiters = [];
    for (const wake of woken) wake();
  }
}

/**
 * The warm worker processes of one function revision: at most `size`, each running one
 * invocation at a time, within the shared budget; further invocations wait in order. A timeout
 * kills the worker's process group ("Task timed out after N.00 seconds"); so does an uncaught
 * exception or running out of memory, ending that invocation as a function error, never the server.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private closed = false;
  /** Workers being started (their directory being made): they count against the pool's size. */
  private starting = 0;
  private dir: Promise<FunctionDir> | undefined;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly prepare: () => Promise<FunctionDir>,
    private readonly size: number,
    private readonly budget: WorkerBudget,
  ) {
    budget.add(this);
  }

  get processes(): number {
    return this.workers.size;
  }

  oldestIdle(): Worker | undefined {
    return this.idle[0];
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    const worker = await this.acquire();
    const timeoutMs = request.timeoutSeconds * 1000;
    const timedOut = () => {
      worker.kill();
      worker.fail('Sandbox.Timedout', `Task timed out after ${request.timeoutSeconds.toFixed(2)} seconds`);
    };
    return new Promise<InvokeOutcome>((resolve) => {
      const run: Running = {
        id: randomUUID(),
        request,
        started: Date.now(),
        resolve,
        log: '',
        // A cold worker first loads the handler's module (Lambda's init phase, 10 s of its own).
        timer: setTimeout(timedOut, worker.initialized ? timeoutMs : INIT_MS + timeoutMs),
        onInit: () => {
          clearTimeout(run.timer);
          run.timer = setTimeout(timedOut, timeoutMs);
        },
      };
      worker.start(run);
    });
  }

  /** Stop every worker and remove the code copy (the function was updated or deleted, or the server stops). */
  close(): void {
    this.closed = true;
    for (const w of [...this.workers]) {
      w.kill();
      w.fail('Runtime.ExitError', 'Runtime exited with error: the function was changed or deleted');
    }
    this.budget.remove(this);
    this.dir?.then((d) => this.spec.sandbox.remove(d.dir)).catch(() => {});
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      if (this.closed) throw new Error('the function was changed or deleted');
      const w = this.idle.pop();
      if (w && !w.exited) return w;
      if (w) continue;
      if (this.workers.size + this.starting < this.size && this.budget.take()) return this.spawn();
      await this.budget.wait();
    }
  }

  private async spawn(): Promise<Worker> {
    this.starting++;
    try {
      this.dir ??= this.prepare();
      const dir = await this.dir;
      const tmp = await this.spec.sandbox.workerTmp(dir);
      const worker = new Worker(this.spec, dir, tmp, (x) => this.release(x));
      this.starting--;
      this.workers.add(worker);
      if (this.closed) worker.kill();
      return worker;
    } catch (e) {
      this.starting--;
      this.dir = undefined;
      this.budget.live--;
      this.budget.wakeAll();
      throw e;
    }
  }

  /** A worker finished an invocation (back to idle) or exited (forgotten, its slot freed). */
  private release(w: Worker): void {
    const i = this.idle.indexOf(w);
    if (w.exited || this.closed) {
      if (i !== -1) this.idle.splice(i, 1);
      if (w.idleTimer) clearTimeout(w.idleTimer);
      if (this.workers.delete(w)) this.budget.live--;
    } else if (!w.running && i === -1) {
      this.idle.push(w);
      w.idleSince = Date.now();
      w.idleTimer = setTimeout(() => w.kill(), IDLE_MS);
      w.idleTimer.unref();
    }
    this.budget.wakeAll();
  }
}

export function newRequestId(): string {
  return randomUUID();
}
